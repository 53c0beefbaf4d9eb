package id.teken.gateway.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The proxies in front of the gateway (a TLS load balancer, a reverse proxy) whose {@code X-Forwarded-For} is believed.
 * The caller is the peer of the connection unless that peer is one of them; then it is the rightmost address in the
 * header that is not one of them (each proxy appends the address it saw, so entries further left are the caller's to
 * choose). Entries are IP addresses or CIDR ranges only: a host name would be looked up on every request.
 */
public final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses the setting; a host name or a malformed entry is refused (the gateway does not start). */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", -1);
            byte[] address = literal(parts[0]);
            if (address == null || parts.length > 2) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or CIDR range");
            }
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("trusted proxy '" + entry + "' has an invalid prefix length");
                }
            }
            ranges.add(new Range(address, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The caller's address: {@code peer} itself unless it is trusted; then the rightmost untrusted address of the
     * {@code X-Forwarded-For} values (in the order the headers came). A malformed entry ends the walk at the proxy
     * that passed it on (its address is the caller's then), so nobody picks their own address by sending garbage.
     */
    public String caller(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || !trusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            if (literal(hop) == null) {
                return current;
            }
            current = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return current;
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(withoutPort(address));
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /** "[2001:db8::1]:443" and "192.0.2.1:8080" name the address before the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The address bytes of an IP literal (never a lookup), or null. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !LITERAL.matcher(text).matches()
                || (!text.contains(":") && text.chars().filter(c -> c == '.').count() != 3)) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text.toLowerCase(Locale.ROOT)).getAddress();
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

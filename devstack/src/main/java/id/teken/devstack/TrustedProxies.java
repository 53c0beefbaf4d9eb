package id.teken.devstack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a quarkus.http.proxy.trusted-proxies value: every entry must be an IP literal or CIDR range. Quarkus reads
 * anything else (a bare "::1" among them: host ":" port 1) as a host name and resolves it for every request, which stalled
 * requests for the 5 s DNS timeout whenever the resolver did not answer.
 */
public final class TrustedProxies {

    private TrustedProxies() {
    }

    /** The entries that are not IP literals or CIDR ranges (empty when the value is fine). */
    public static List<String> hostNames(String value) {
        List<String> bad = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
            boolean cidr = entry.contains("/") && entry.substring(entry.indexOf('/') + 1).matches("\\d{1,3}");
            boolean literal = address.matches("[0-9.]+") && address.chars().filter(c -> c == '.').count() == 3 && parses(address);
            if (!literal && !(cidr && (address.contains(":") || address.matches("[0-9.]+")) && parses(address))) {
                bad.add(entry);
            }
        }
        return bad;
    }

    private static boolean parses(String literal) {
        try {
            return InetAddress.getByName(literal) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

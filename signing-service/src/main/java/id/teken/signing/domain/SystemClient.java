package id.teken.signing.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Another Pemkab system allowed to sign through the API: a username, a secret kept only as its SHA-256, the addresses
 * it may call from (IPs or CIDR ranges; 0.0.0.0/0 and ::/0 mean anywhere), an enabled flag (with why it was turned off),
 * for whom it may sign ({@link SignerScope}) and which web origins its QR codes may point at besides the tenant's own.
 */
public record SystemClient(UUID id, String username, String secretHash, String description, List<String> allowedIps,
                           boolean enabled, String createdBy, Instant createdAt, Instant updatedAt, SignerScope scope,
                           List<String> qrOrigins, String disabledReason, SignTotp signTotp) {

    /**
     * What a sign TOTP (BSrE's /api/v2/sign/get/totp) is to this client: APPROVAL, the code stands in for the passphrase once
     * the signer approved on the portal with it; WITH_PASSPHRASE, a second factor the client sends with the passphrase (and
     * without which it signs nothing).
     */
    public enum SignTotp {
        APPROVAL, WITH_PASSPHRASE;

        public static SignTotp parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "signTotp: APPROVAL atau WITH_PASSPHRASE.");
            }
        }
    }

    public SystemClient {
        signTotp = signTotp == null ? SignTotp.APPROVAL : signTotp;
    }

    /** Whether this client's signatures need the mailed code together with the passphrase. */
    public boolean totpWithPassphrase() {
        return signTotp == SignTotp.WITH_PASSPHRASE;
    }

    /** Origins (scheme://host[:port]) a QR code may point at: https or http, at most 10. */
    public static List<String> qrOrigins(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String entry : raw == null ? List.<String>of() : raw) {
            String origin = QrLink.origin(entry == null ? "" : entry.trim());
            if (origin == null) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "qrOrigins: \"" + abbreviate(String.valueOf(entry))
                        + "\" bukan origin http(s) (mis. https://surat.ponorogo.go.id).");
            }
            out.add(origin);
        }
        if (out.size() > 10) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "qrOrigins maksimal 10 entri.");
        }
        return out.stream().distinct().toList();
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?");

    public static String username(String raw) {
        String u = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "username 3-64 karakter: huruf kecil, angka, titik, garis bawah, tanda hubung.");
        }
        return u;
    }

    public static String description(String raw) {
        if (raw != null && raw.length() > 200) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "description maksimal 200 karakter.");
        }
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** IPv4/IPv6 literals or CIDR ranges, at least one, at most 20 (no host names: nothing is looked up). */
    public static List<String> allowedIps(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "allowedIps wajib diisi (mis. [\"10.1.2.3\", \"10.20.0.0/16\"]; 0.0.0.0/0 untuk semua).");
        }
        if (raw.size() > 20) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "allowedIps maksimal 20 entri.");
        }
        List<String> out = new ArrayList<>();
        for (String entry : raw) {
            String e = entry == null ? "" : entry.trim();
            if (!LITERAL.matcher(e).matches() || !e.contains(".") && !e.contains(":")) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "allowedIps: \"" + abbreviate(e) + "\" bukan alamat IP atau CIDR.");
            }
            String[] parts = e.split("/");
            byte[] address = parse(parts[0]);
            if (address == null || parts.length == 2 && Integer.parseInt(parts[1]) > address.length * 8) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "allowedIps: \"" + abbreviate(e) + "\" bukan alamat IP atau CIDR.");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /** Whether a caller at this address (literal IP) may use the credential. */
    public boolean allows(String address) {
        byte[] caller = address == null ? null : parse(address);
        if (caller == null) {
            return false;
        }
        for (String entry : allowedIps) {
            String[] parts = entry.split("/");
            byte[] net = parse(parts[0]);
            if (net == null || net.length != caller.length) {
                continue;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            if (matches(net, caller, bits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] net, byte[] caller, int bits) {
        for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((net[i] & mask) != (caller[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** A literal IP (never a name lookup); IPv4-mapped IPv6 becomes IPv4. */
    static byte[] parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches() || literal.contains("/")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 50 ? s.substring(0, 50) + "..." : s;
    }
}

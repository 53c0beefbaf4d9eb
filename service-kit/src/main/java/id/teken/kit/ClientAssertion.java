package id.teken.kit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The internal identity of a system client the gateway has authenticated (HTTP Basic, checked with signing-service),
 * forwarded instead of its credentials: header {@value #HEADER} = {@code v2;<username>;<expiry epoch seconds>;<nonce>;
 * <base64url HMAC-SHA256(key, "teken-client-v2\n" username "\n" expiry "\n" nonce "\n" METHOD "\n" path)>}, with its own
 * key ({@code TEKEN_CLIENT_ASSERTION_KEY}, known to the gateway and signing-service only, not the internal service
 * token). It is bound to the request's method and path, lives at most {@link #LIFETIME}, and a {@link Verifier} takes
 * each one once: a captured header cannot be replayed, nor sent to another route. The client's secret never travels past
 * the gateway.
 */
public final class ClientAssertion {

    public static final String HEADER = "X-Teken-Client";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final int MAX_LENGTH = 400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientAssertion() {
    }

    /** The header for one request of the client: this method and path, from now for {@link #LIFETIME}. */
    public static String create(String username, String method, String path, String key, Instant now) {
        if (username == null || username.isEmpty() || username.contains(";") || key == null || key.isBlank()
                || method == null || path == null) {
            throw new IllegalArgumentException("username, method, path and the assertion key required");
        }
        long expiry = now.plus(LIFETIME).getEpochSecond();
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        return "v2;" + username + ";" + expiry + ";" + nonce + ";"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, username, expiry, nonce, method, path));
    }

    /**
     * Reads assertions and accepts each one once, for the method and path it was made for, until it expires. One per
     * service instance (the nonces it has seen are kept until their expiry).
     */
    public static final class Verifier {

        private static final int MAX_REMEMBERED = 200_000;
        private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();

        /** The username, or empty for a forged, expired, replayed, foreign-route or malformed header. */
        public Optional<String> verify(String header, String method, String path, String key, Instant now) {
            if (header == null || key == null || key.isBlank() || header.length() > MAX_LENGTH || method == null || path == null) {
                return Optional.empty();
            }
            String[] parts = header.trim().split(";", -1);
            if (parts.length != 5 || !parts[0].equals("v2") || parts[1].isEmpty() || !parts[3].matches("[A-Za-z0-9_-]{22}")) {
                return Optional.empty();
            }
            long expiry;
            try {
                expiry = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            long nowSeconds = now.getEpochSecond();
            if (expiry < nowSeconds || expiry > nowSeconds + LIFETIME.toSeconds()) {
                return Optional.empty();
            }
            byte[] given;
            try {
                given = Base64.getUrlDecoder().decode(parts[4]);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!MessageDigest.isEqual(given, mac(key, parts[1], expiry, parts[3], method, path))) {
                return Optional.empty();
            }
            forgetExpired(nowSeconds);
            return seen.putIfAbsent(parts[3], expiry) == null ? Optional.of(parts[1]) : Optional.empty();
        }

        private void forgetExpired(long nowSeconds) {
            if (seen.size() > MAX_REMEMBERED / 2) {
                seen.values().removeIf(expiry -> expiry < nowSeconds);
            }
        }
    }

    private static byte[] mac(String key, String username, long expiry, String nonce, String method, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("teken-client-v2\n" + username + "\n" + expiry + "\n" + nonce + "\n"
                    + method.toUpperCase(java.util.Locale.ROOT) + "\n" + path).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.teken.kit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The internal identity of a system client the gateway has authenticated (HTTP Basic, checked with signing-service),
 * forwarded instead of its credentials: header {@value #HEADER} = {@code <username>;<expiry epoch seconds>;<base64url
 * HMAC-SHA256(TEKEN_INTERNAL_TOKEN, "teken-client-v1\n" + username + "\n" + expiry)>}. The gateway writes it
 * ({@link #create}, valid {@link #LIFETIME}); signing-service reads it ({@link #verify}, at most {@link #MAX_LIFETIME}
 * ahead). The client's secret never travels past the gateway.
 */
public final class ClientAssertion {

    public static final String HEADER = "X-Teken-Client";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    static final Duration MAX_LIFETIME = Duration.ofSeconds(300);
    private static final int MAX_LENGTH = 300;

    private ClientAssertion() {
    }

    public static String create(String username, String internalToken, Instant now) {
        if (username == null || username.isEmpty() || username.contains(";") || internalToken == null || internalToken.isBlank()) {
            throw new IllegalArgumentException("username and internal token required");
        }
        long expiry = now.plus(LIFETIME).getEpochSecond();
        return username + ";" + expiry + ";" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(internalToken, username, expiry));
    }

    /** The username the assertion names, when its MAC matches and it has not expired (nor lives implausibly long). */
    public static Optional<String> verify(String header, String internalToken, Instant now) {
        if (header == null || internalToken == null || internalToken.isBlank() || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(";", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long nowSeconds = now.getEpochSecond();
        if (expiry < nowSeconds || expiry > nowSeconds + MAX_LIFETIME.toSeconds()) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(internalToken, parts[0], expiry)) ? Optional.of(parts[0]) : Optional.empty();
    }

    private static byte[] mac(String internalToken, String username, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(internalToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("teken-client-v1\n" + username + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

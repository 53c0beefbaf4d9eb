package id.teken.signing.adapter.in.rest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The internal identity the gateway gives a system client it has authenticated (HTTP Basic, checked through
 * POST /internal/v1/system-clients/authentication): header {@value #HEADER} =
 * {@code <username>;<expiry epoch seconds>;<base64url HMAC-SHA256(TEKEN_INTERNAL_TOKEN, "teken-client-v1\n" + username + "\n" + expiry)>}.
 * The secret itself never travels past the gateway. Accepted until its expiry (the gateway gives 60 s).
 */
final class GatewayClientAssertion {

    static final String HEADER = "X-Teken-Client";
    private static final long MAX_LIFETIME_SECONDS = 300;

    private GatewayClientAssertion() {
    }

    /** The username the assertion names, when its signature matches and it has not expired. */
    static Optional<String> verify(String header, String internalToken, Instant now) {
        if (header == null || internalToken == null || internalToken.isBlank() || header.length() > 300) {
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
        if (expiry < nowSeconds || expiry > nowSeconds + MAX_LIFETIME_SECONDS) {
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

    static byte[] mac(String internalToken, String username, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(internalToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("teken-client-v1\n" + username + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

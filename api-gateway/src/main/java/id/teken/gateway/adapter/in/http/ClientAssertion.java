package id.teken.gateway.adapter.in.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The internal identity forwarded for a system client the gateway has authenticated, in place of its Basic credentials:
 * header {@value #HEADER} = {@code <username>;<expiry epoch seconds>;<base64url HMAC-SHA256(TEKEN_INTERNAL_TOKEN,
 * "teken-client-v1\n" + username + "\n" + expiry)>}. signing-service accepts it until the expiry.
 */
public final class ClientAssertion {

    public static final String HEADER = "X-Teken-Client";
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private ClientAssertion() {
    }

    public static String create(String username, String internalToken, Instant now) {
        if (username == null || username.isEmpty() || username.contains(";") || internalToken == null || internalToken.isBlank()) {
            throw new IllegalArgumentException("username and internal token required");
        }
        long expiry = now.plus(LIFETIME).getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(internalToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("teken-client-v1\n" + username + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return username + ";" + expiry + ";" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

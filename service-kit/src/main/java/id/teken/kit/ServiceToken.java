package id.teken.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The check of an internal route's caller: {@code Authorization: Bearer <TEKEN_INTERNAL_TOKEN>}, compared in constant
 * time. Each service turns the outcome into its own error (its own codes and messages).
 */
public final class ServiceToken {

    /** What a request's Authorization header is worth against the configured token. */
    public enum Outcome {
        /** The configured token, exactly. */
        ACCEPTED,
        /** No token is configured: the internal route is closed to everyone. */
        NOT_CONFIGURED,
        /** Missing, malformed or another token. */
        REFUSED
    }

    private ServiceToken() {
    }

    public static Outcome check(String authorization, Optional<String> configured) {
        String expected = configured == null ? null : configured.filter(t -> !t.isBlank()).orElse(null);
        if (expected == null) {
            return Outcome.NOT_CONFIGURED;
        }
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))
                ? Outcome.ACCEPTED : Outcome.REFUSED;
    }
}

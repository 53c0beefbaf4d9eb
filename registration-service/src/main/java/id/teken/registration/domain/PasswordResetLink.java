package id.teken.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A single-use, expiring "Lupa Password" link. The token (256 random bits) is only ever held by the mail;
 * the service keeps its SHA-256.
 */
public final class PasswordResetLink {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String tokenHash;
    private final Nip nip;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant usedAt;

    public PasswordResetLink(String tokenHash, Nip nip, Instant createdAt, Instant expiresAt, Instant usedAt) {
        this.tokenHash = tokenHash;
        this.nip = nip;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.usedAt = usedAt;
    }

    /** A new link; the returned token goes into the mail and nowhere else. */
    public static Issued issue(Nip nip, Instant now, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new PasswordResetLink(hash(token), nip, now, now.plus(validity), null));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens we could have made: 43 base64url characters. Anything else is unknown without a lookup. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** Throws unless the link can still be used at {@code now}. */
    public void checkUsable(Instant now) {
        if (usedAt != null) {
            throw new DomainException(ErrorCode.RESET_LINK_USED,
                    "Tautan ini sudah digunakan. Minta tautan baru melalui Lupa Password.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(ErrorCode.RESET_LINK_EXPIRED,
                    "Tautan ini sudah kedaluwarsa. Minta tautan baru melalui Lupa Password.");
        }
    }

    public void markUsed(Instant now) {
        checkUsable(now);
        usedAt = now;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Nip nip() {
        return nip;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    /** A freshly made link together with its clear token. */
    public record Issued(String token, PasswordResetLink link) {
    }
}

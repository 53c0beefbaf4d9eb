package id.teken.certificate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** A single-use, expiring link to set (first issue) or reset a passphrase; only its token's SHA-256 is kept. */
public record PassphraseLink(String tokenHash, String nip, Purpose purpose, Instant createdAt, Instant expiresAt,
                             Instant usedAt) {

    /** Why the link was sent. */
    public enum Purpose { SET, RESET, RENEW }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new link and its clear token (for the mail only). */
    public static Issued issue(String nip, Purpose purpose, Instant now, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new PassphraseLink(hash(token), nip, purpose, now, now.plus(validity), null));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    public void checkUsable(Instant now) {
        if (usedAt != null) {
            throw new DomainException(ErrorCode.LINK_USED, "Tautan ini sudah digunakan.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(ErrorCode.LINK_EXPIRED, purpose == Purpose.SET
                    ? "Tautan ini sudah kedaluwarsa. Hubungi Verifikator TTE untuk mendapatkan tautan baru."
                    : "Tautan ini sudah kedaluwarsa. Minta tautan baru dari dasbor.");
        }
    }

    /** A link and its clear token. */
    public record Issued(String token, PassphraseLink link) {
    }
}

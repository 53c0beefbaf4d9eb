package id.teken.certificate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A system client's request to sign for a person without their passphrase (BSrE's sign TOTP): the person gets a mail
 * with a one-time code and a link; on the link's page they approve with their passphrase, which opens their key for
 * {@code signatures} signatures through that client only; the client then signs with the code instead of the passphrase
 * until {@code expiresAt}. Only hashes of the link's token and of the code are kept. A {@code factor} request (a client whose
 * TOTP is a second factor) has no approval: its code is spent once, together with a passphrase check.
 */
public record SigningApproval(UUID id, String tokenHash, String codeHash, String nip, String channel, String clientName,
                              int signatures, Instant requestedAt, Instant expiresAt, Instant approvedAt, int wrongCodes,
                              Instant closedAt, boolean factor) {

    /** Wrong codes after which the request is closed. */
    public static final int MAX_WRONG_CODES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new request with its link token and code (shown once, in the mail), and their hashes in the record. */
    public record Issued(SigningApproval approval, String token, String code) {
    }

    public static Issued issue(String nip, String channel, String clientName, int signatures, Instant now, Duration validity) {
        return issue(nip, channel, clientName, signatures, now, validity, false);
    }

    /** {@code factor}: the code is a second factor sent with the passphrase (no approval on the portal). */
    public static Issued issue(String nip, String channel, String clientName, int signatures, Instant now, Duration validity,
                               boolean factor) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        return new Issued(new SigningApproval(id, hash(token), codeHash(id, code), nip, channel, clientName, signatures, now,
                now.plus(validity), null, 0, null, factor), token, code);
    }

    /** Whether this code is the request's (compared as hashes, in constant time). */
    public boolean codeIs(String code) {
        return code != null && MessageDigest.isEqual(codeHash(id, code.trim()).getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean open(Instant now) {
        return closedAt == null && now.isBefore(expiresAt);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String codeHash(UUID id, String code) {
        return hash(id + ":" + code);
    }
}

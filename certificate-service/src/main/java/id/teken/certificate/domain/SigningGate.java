package id.teken.certificate.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may sign with a credential: only an ACTIVE (status ISSUE) one inside its validity. Wrong passphrases are
 * counted per channel (the owner's own use, or one system client): at most {@code maxAttempts} tries may be open or
 * wrong at once; the {@code maxAttempts}-th wrong one locks that channel for {@code lockPeriod}; a right one clears
 * the count. A lock of the owner's channel stops every channel.
 */
public record SigningGate(int maxAttempts, Duration lockPeriod) {

    /** The owner's own channel (web portal, CSC, the owner's token); system clients have one each. */
    public static final String OWNER = "owner";

    public SigningGate {
        if (maxAttempts < 1 || lockPeriod == null || lockPeriod.isNegative() || lockPeriod.isZero()) {
            throw new IllegalArgumentException("maxAttempts >= 1 and a positive lock period");
        }
    }

    /** Throws when the credential cannot sign now (not active, or past its validity). */
    public void checkMaySign(Credential c, Instant now) {
        if (c.status() != Credential.Status.ACTIVE) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + statusName(c.status())
                    + "; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
        }
        if (c.expiredAt(now)) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE,
                    "Sertifikat berstatus EXPIRED; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
        }
    }

    /** A channel name from what the caller declares: {@code client:<username>} for a system client, else the owner's. */
    public static String channel(String declared) {
        if (declared != null && declared.matches("client:[a-z0-9][a-z0-9._-]{2,63}")) {
            return declared;
        }
        return OWNER;
    }

    public DomainException locked(Instant until, Instant now, String channel) {
        return new DomainException(ErrorCode.CREDENTIAL_LOCKED, OWNER.equals(channel)
                ? "Sertifikat terkunci karena passphrase salah " + maxAttempts + " kali. Coba lagi setelah masa kunci berakhir."
                : "Penandatanganan melalui aplikasi ini terkunci karena passphrase salah " + maxAttempts
                + " kali. Coba lagi setelah masa kunci berakhir.", Duration.between(now, until));
    }

    public static String statusName(Credential.Status s) {
        return switch (s) {
            case ACTIVE -> "ISSUE";
            case SUSPENDED -> "SUSPEND";
            case REVOKED -> "REVOKE";
            case EXPIRED -> "EXPIRED";
        };
    }
}

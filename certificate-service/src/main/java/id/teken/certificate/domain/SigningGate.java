package id.teken.certificate.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may sign with a credential: only an ACTIVE (status ISSUE) one that is not locked. Wrong passphrases are
 * counted; the {@code maxAttempts}-th locks the credential for {@code lockPeriod}; a right one clears the count.
 */
public record SigningGate(int maxAttempts, Duration lockPeriod) {

    /** Throws when the credential cannot sign now (not active, or locked). */
    public void checkMaySign(Credential c, Instant now) {
        if (c.status() != Credential.Status.ACTIVE) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + statusName(c.status())
                    + "; hanya sertifikat berstatus ISSUE yang dapat menandatangani.");
        }
        if (c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
            throw new DomainException(ErrorCode.CREDENTIAL_LOCKED, "Sertifikat terkunci karena passphrase salah "
                    + maxAttempts + " kali. Coba lagi setelah masa kunci berakhir.", Duration.between(now, c.lockedUntil()));
        }
    }

    /** The credential after one more wrong passphrase (locked when the limit is reached). */
    public Credential afterWrongPassphrase(Credential c, Instant now) {
        int failures = (c.lockedUntil() != null && !now.isBefore(c.lockedUntil()) ? 0 : c.failedAttempts()) + 1;
        Instant lock = failures >= maxAttempts ? now.plus(lockPeriod) : null;
        return c.withAttempts(lock == null ? failures : 0, lock);
    }

    public int remaining(Credential c) {
        return Math.max(0, maxAttempts - c.failedAttempts());
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

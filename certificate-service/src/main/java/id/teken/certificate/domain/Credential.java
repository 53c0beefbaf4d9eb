package id.teken.certificate.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One key pair and its certificate. The private key exists only as a sealed blob: PKCS#8 encrypted under
 * the owner's passphrase, then wrapped by the service's master key. The subscriber agreement accepted for
 * it is recorded with it, and so are wrong passphrases and the lock they caused.
 */
public record Credential(UUID id, String nip, String serialNumber, String subjectDn, String certificatePem,
                         Instant notBefore, Instant notAfter, Status status, RevocationReason revocationReason,
                         Instant revokedAt, byte[] sealedKey, String agreementVersion, Instant agreementAcceptedAt,
                         Instant createdAt, int failedAttempts, Instant lockedUntil) {

    /** Lifecycle of a credential. */
    public enum Status { ACTIVE, SUSPENDED, REVOKED, EXPIRED }

    public Credential revoke(RevocationReason reason, Instant at) {
        return with(Status.REVOKED, reason, at);
    }

    /** Suspended (certificateHold): signing stops, OCSP and the CRL say revoked with reason certificateHold. */
    public Credential suspend(Instant at) {
        requireStatus(Status.ACTIVE);
        return with(Status.SUSPENDED, RevocationReason.CERTIFICATE_HOLD, at);
    }

    public Credential reinstate() {
        requireStatus(Status.SUSPENDED);
        return with(Status.ACTIVE, null, null);
    }

    public Credential expire() {
        return with(Status.EXPIRED, revocationReason, revokedAt);
    }

    public Credential withAttempts(int failures, Instant lockUntil) {
        return new Credential(id, nip, serialNumber, subjectDn, certificatePem, notBefore, notAfter, status, revocationReason,
                revokedAt, sealedKey, agreementVersion, agreementAcceptedAt, createdAt, failures, lockUntil);
    }

    private Credential with(Status newStatus, RevocationReason reason, Instant at) {
        return new Credential(id, nip, serialNumber, subjectDn, certificatePem, notBefore, notAfter, newStatus, reason, at,
                sealedKey, agreementVersion, agreementAcceptedAt, createdAt, failedAttempts, lockedUntil);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + SigningGate.statusName(status) + ".");
        }
    }
}

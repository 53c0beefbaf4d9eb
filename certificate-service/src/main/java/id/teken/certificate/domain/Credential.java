package id.teken.certificate.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One key pair and its certificate. The private key exists only as a sealed blob: PKCS#8 encrypted under
 * the owner's passphrase, then wrapped by the service's master key. The subscriber agreement accepted for
 * it is recorded with it. Wrong passphrases are counted apart from it (PassphraseAttempts), so that a count
 * written back never overwrites a status change, nor a status change a count.
 */
public record Credential(UUID id, String nip, String serialNumber, String subjectDn, String certificatePem,
                         Instant notBefore, Instant notAfter, Status status, RevocationReason revocationReason,
                         Instant revokedAt, byte[] sealedKey, String agreementVersion, Instant agreementAcceptedAt,
                         Instant createdAt) {

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

    /** Past its notAfter at this instant (whatever the hourly expiry job has recorded yet). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(notAfter);
    }

    /** Revoked for a reason other than being replaced by a newer key of the same owner. */
    public boolean revokedForCause() {
        return status == Status.REVOKED && revocationReason != RevocationReason.SUPERSEDED;
    }

    private Credential with(Status newStatus, RevocationReason reason, Instant at) {
        return new Credential(id, nip, serialNumber, subjectDn, certificatePem, notBefore, notAfter, newStatus, reason, at,
                sealedKey, agreementVersion, agreementAcceptedAt, createdAt);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + SigningGate.statusName(status) + ".");
        }
    }
}

package id.teken.certificate.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One key pair and its certificate. The private key exists only as a sealed blob: PKCS#8 encrypted under
 * the owner's passphrase, then wrapped by the service's master key. The subscriber agreement accepted for
 * it is recorded with it.
 */
public record Credential(UUID id, String nip, String serialNumber, String subjectDn, String certificatePem,
                         Instant notBefore, Instant notAfter, Status status, RevocationReason revocationReason,
                         Instant revokedAt, byte[] sealedKey, String agreementVersion, Instant agreementAcceptedAt,
                         Instant createdAt) {

    /** Lifecycle of a credential. */
    public enum Status { ACTIVE, SUSPENDED, REVOKED, EXPIRED }

    public Credential revoke(RevocationReason reason, Instant at) {
        return new Credential(id, nip, serialNumber, subjectDn, certificatePem, notBefore, notAfter, Status.REVOKED, reason,
                at, sealedKey, agreementVersion, agreementAcceptedAt, createdAt);
    }
}

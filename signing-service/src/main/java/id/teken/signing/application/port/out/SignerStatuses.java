package id.teken.signing.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** The certificate status of each signer as announced on Kafka (ISSUE, SUSPEND, REVOKE, EXPIRED). */
public interface SignerStatuses {

    Optional<SignerStatus> find(String nip);

    void save(SignerStatus status);

    /** One signer's current certificate and its status. */
    record SignerStatus(String nip, String serialNumber, id.teken.signing.domain.CertificateStatus status, Instant updatedAt) {
    }
}

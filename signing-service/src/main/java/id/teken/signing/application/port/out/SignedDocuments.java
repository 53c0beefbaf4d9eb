package id.teken.signing.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored facts about signed documents, for the verification page a QR code opens. */
public interface SignedDocuments {

    void save(SignedDocumentRecord record);

    Optional<SignedDocumentRecord> find(UUID documentId);

    /** One signed document: who signed (certificate name and serial), when, at which level, and its hash. */
    record SignedDocumentRecord(UUID documentId, String nip, String signerName, String serialNumber, String sha256,
                                String padesLevel, String clientId, Instant signedAt) {
    }
}

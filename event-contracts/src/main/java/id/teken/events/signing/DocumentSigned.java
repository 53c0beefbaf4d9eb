package id.teken.events.signing;

import java.time.Instant;

/**
 * One signing attempt's outcome (success or failure). Key: the document id. Carries the document's
 * hash, never the document or the passphrase. A seal's (segel elektronik) has {@code sealId} (its idSubscriber) and no NIP.
 */
public record DocumentSigned(
        String documentId,
        String nip,
        String serialNumber,
        String clientId,
        String documentSha256,
        String padesLevel,
        String outcome,
        String failureCode,
        Instant signedAt,
        String sealId) {
}

package id.teken.signing.application.port.out;

import java.time.Instant;

/** The signing audit as events (document.signed): successes and failures; never the document or passphrase. */
public interface SigningEvents {

    void signed(String documentId, String nip, String serialNumber, String clientId, String sha256, String level, Instant at);

    void failed(String documentId, String nip, String clientId, String sha256, String failureCode, Instant at);

    /** A document sealed with a seal (segel elektronik, {@code sealId} its idSubscriber; no NIP). */
    void sealed(String documentId, String sealId, String serialNumber, String clientId, String sha256, String level, Instant at);

    void sealFailed(String documentId, String sealId, String clientId, String sha256, String failureCode, Instant at);

    /** A system client was turned off after spending its failure budget (the ADMINs are told). */
    void clientDisabled(String clientUsername, String reason, long failures, Instant at);
}

package id.teken.signing.adapter.out.messaging;

import id.teken.events.Topics;
import id.teken.kit.outbox.Outbox;
import id.teken.events.signing.DocumentSigned;
import id.teken.signing.application.port.out.SigningEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** document.signed into the outbox (key: document id) for every attempt, with its outcome; signing.client-disabled. */
@ApplicationScoped
public class OutboxSigningEvents implements SigningEvents {

    @Inject
    Outbox outbox;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Override
    public void signed(String documentId, String nip, String serialNumber, String clientId, String sha256, String level, Instant at) {
        outbox.append(Topics.DOCUMENT_SIGNED, documentId, new DocumentSigned(documentId, nip, serialNumber, clientId, sha256, level,
                "SIGNED", null, at, null));
        meters.counter("teken_signatures_total", "outcome", "SIGNED", "code", "none", "channel", channel(clientId)).increment();
    }

    @Override
    public void failed(String documentId, String nip, String clientId, String sha256, String failureCode, Instant at) {
        outbox.append(Topics.DOCUMENT_SIGNED, documentId, new DocumentSigned(documentId, nip, null, clientId, sha256, null,
                "FAILED", failureCode, at, null));
        meters.counter("teken_signatures_total", "outcome", "FAILED", "code", failureCode, "channel", channel(clientId)).increment();
    }

    @Override
    public void sealed(String documentId, String sealId, String serialNumber, String clientId, String sha256, String level, Instant at) {
        outbox.append(Topics.DOCUMENT_SIGNED, documentId, new DocumentSigned(documentId, null, serialNumber, clientId, sha256, level,
                "SIGNED", null, at, sealId));
        meters.counter("teken_signatures_total", "outcome", "SIGNED", "code", "none", "channel", "seal").increment();
    }

    @Override
    public void sealFailed(String documentId, String sealId, String clientId, String sha256, String failureCode, Instant at) {
        outbox.append(Topics.DOCUMENT_SIGNED, documentId, new DocumentSigned(documentId, null, null, clientId, sha256, null,
                "FAILED", failureCode, at, sealId));
        meters.counter("teken_signatures_total", "outcome", "FAILED", "code", failureCode, "channel", "seal").increment();
    }

    @Override
    public void clientDisabled(String clientUsername, String reason, long failures, Instant at) {
        outbox.append(Topics.SYSTEM_CLIENT_DISABLED, clientUsername,
                new id.teken.events.signing.SystemClientDisabled(clientUsername, reason, failures, at));
    }

    /** web (a signed-in ASN) or api (a system client). */
    private static String channel(String clientId) {
        return clientId != null && clientId.startsWith("client:") ? "api" : "web";
    }
}

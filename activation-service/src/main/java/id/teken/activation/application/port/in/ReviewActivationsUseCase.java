package id.teken.activation.application.port.in;

import id.teken.activation.domain.Activation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Verifikator TTE's console: the queue, the selfie, decisions and link care; every action audited, and no verifier acts
 * on their own activation (SELF_REVIEW, audited too).
 */
public interface ReviewActivationsUseCase {

    /** Activations in a status (the review queue is WAITING_FOR_VERIFICATION), optionally of one NIP; the reading is audited. */
    List<Activation> queue(id.teken.activation.domain.ActivationStatus status, String nip, String verifierNip);

    Activation details(UUID activationId, String verifierNip);

    Selfie selfie(UUID activationId, String verifierNip);

    Activation approve(UUID activationId, String verifierNip);

    Activation reject(UUID activationId, String verifierNip, String reason);

    Activation resendLink(UUID activationId, String verifierNip);

    Activation invalidateLink(UUID activationId, String verifierNip);

    List<AuditEntry> audit(int limit);

    /** A selfie image. */
    record Selfie(String contentType, byte[] bytes) {
    }

    /** Who did what, when, to which activation. */
    record AuditEntry(Instant at, String actorNip, String action, UUID activationId, String detail) {
    }
}

package id.teken.events.activation;

import java.time.Instant;
import java.util.List;

/**
 * An activation was submitted but needs a Verifikator TTE's decision (status WAITING_FOR_VERIFICATION).
 * Key: the registration id. Carries the reasons, never the selfie.
 */
public record ActivationReviewRequested(
        String activationId,
        String registrationId,
        String nip,
        List<String> reasons,
        Instant submittedAt) {
}

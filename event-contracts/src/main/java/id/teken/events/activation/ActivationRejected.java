package id.teken.events.activation;

import java.time.Instant;

/** A verifier rejected an activation; the ASN may register again. Key: the registration id. */
public record ActivationRejected(
        String activationId,
        String registrationId,
        String nip,
        String reason,
        String rejectedBy,
        Instant rejectedAt) {
}

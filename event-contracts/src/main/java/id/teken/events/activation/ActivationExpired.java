package id.teken.events.activation;

import java.time.Instant;

/** An activation link expired unused (or was invalidated); the ASN must register again. Key: the registration id. */
public record ActivationExpired(
        String activationId,
        String registrationId,
        String nip,
        Instant expiredAt) {
}

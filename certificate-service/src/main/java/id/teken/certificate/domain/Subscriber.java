package id.teken.certificate.domain;

import java.time.Instant;

/** An activated ASN who may hold certificates: the identity from activation and the registration it came from. */
public record Subscriber(String nip, String registrationId, SubscriberIdentity identity, Instant activatedAt) {
}

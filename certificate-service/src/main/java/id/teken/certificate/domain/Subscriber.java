package id.teken.certificate.domain;

import java.time.Instant;

/**
 * An activated ASN who may hold certificates: the identity from activation and the registration it came from; for contract
 * staff a verifier enrolled, when their contract ends (no certificate of theirs outlasts it), else null.
 */
public record Subscriber(String nip, String registrationId, SubscriberIdentity identity, Instant activatedAt,
                         Instant contractEndsAt) {

    /** The end of a certificate issued now: the usual validity, cut at the contract's end. */
    public Instant certificateEnd(Instant now, java.time.Duration validity) {
        Instant usual = now.plus(validity);
        return contractEndsAt != null && contractEndsAt.isBefore(usual) ? contractEndsAt : usual;
    }
}

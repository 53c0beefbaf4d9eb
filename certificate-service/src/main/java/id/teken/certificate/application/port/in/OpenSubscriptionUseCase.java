package id.teken.certificate.application.port.in;

import id.teken.certificate.domain.SubscriberIdentity;

/** An activation completed: record the subscriber and mail account information and the set-passphrase link (once). */
public interface OpenSubscriptionUseCase {

    /** {@code contractEndsAt}: for contract staff, the end of their contract (no certificate outlasts it); else null. */
    void open(String registrationId, SubscriberIdentity identity, java.time.Instant contractEndsAt);
}

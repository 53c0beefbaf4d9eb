package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.Subscriber;

import java.util.Optional;

/** Stored subscribers. */
public interface SubscriberRepository {

    Optional<Subscriber> find(String nip);

    /** Inserts or replaces the subscriber of this NIP. */
    void save(Subscriber subscriber);
}

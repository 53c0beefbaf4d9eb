package id.teken.activation.application.port.out;

import id.teken.activation.domain.Activation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored activations; {@link #save} refuses a concurrent change (optimistic lock). */
public interface ActivationRepository {

    void save(Activation activation);

    Optional<Activation> findById(UUID id);

    Optional<Activation> findByTokenHash(String tokenHash);

    boolean existsForRegistration(String registrationId);

    /** Oldest first; {@code nip} may be null for all. */
    List<Activation> findByStatus(id.teken.activation.domain.ActivationStatus status, String nip);

    List<Activation> findDueToExpire(Instant now, int limit);
}

package id.teken.registration.application.port.out;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordResetLink;

import java.time.Instant;
import java.util.Optional;

/** Stored reset links (hashes only). */
public interface PasswordResetLinks {

    void save(PasswordResetLink link);

    Optional<PasswordResetLink> findByTokenHash(String tokenHash);

    /** Marks the link used if it still is unused; false when someone else used it first. */
    boolean markUsed(String tokenHash, Instant now);

    /** Retires every other unused link of the NIP. */
    void retireOthers(Nip nip, Instant now);

    long countIssuedSince(Nip nip, Instant since);
}

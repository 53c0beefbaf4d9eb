package id.teken.registration.application.port.out;

import id.teken.registration.domain.Nip;

import java.time.Instant;
import java.util.List;

/** Queued "Lupa Password" requests, handled one by one in the background; several instances never take the same one. */
public interface PasswordResetRequests {

    void enqueue(Nip nip, Instant at);

    /** The oldest queued requests, locked for the caller's transaction (others skip them). */
    List<Pending> claim(int max);

    void delete(long id);

    /** A queued request. */
    record Pending(long id, Nip nip, Instant requestedAt) {
    }
}

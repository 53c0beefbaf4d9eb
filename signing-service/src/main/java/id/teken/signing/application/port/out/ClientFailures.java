package id.teken.signing.application.port.out;

import java.time.Instant;

/** Failures caused through each system client (its failure budget), counted in the database so every instance sees them. */
public interface ClientFailures {

    void record(String clientUsername, String code, Instant at);

    /** Failures of this client since the instant. */
    long countSince(String clientUsername, Instant since);

    /** The oldest failure since the instant (when the throttle window eases), if any. */
    java.util.Optional<Instant> oldestSince(String clientUsername, Instant since);

    int deleteBefore(Instant cutoff);

    /** Forgets every failure of the client (an ADMIN turned it on again: a fresh budget). */
    void clear(String clientUsername);
}

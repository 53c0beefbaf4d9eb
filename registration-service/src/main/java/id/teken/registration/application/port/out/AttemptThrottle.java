package id.teken.registration.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** Counts failures per key (a NIP, an address) within a window. */
public interface AttemptThrottle {

    /** How long the key must wait when it has reached the limit; empty when it may try. */
    Optional<Duration> blocked(String key, int limit);

    void recordFailure(String key);

    void clear(String key);
}

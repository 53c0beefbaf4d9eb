package id.teken.registration.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Attempt counters per key (a NIP, an address). An attempt is counted before the slow work it guards, so parallel
 * attempts see each other; a success gives its count back.
 */
public interface AttemptThrottle {

    /** Counts one attempt unless {@code limit} are counted within the window already; otherwise how long to wait. */
    Optional<Duration> reserve(String key, int limit, Duration window);

    /**
     * A rate, not a ban: takes one of {@code burst} tokens, one of which comes back every {@code perToken}; when none is
     * left, how long until the next one.
     */
    Optional<Duration> take(String key, int burst, Duration perToken);

    /** Gives back the key's newest counted attempt or token (the attempt succeeded, or was never evaluated). */
    void giveBack(String key);

    /** Forgets every attempt of the key. */
    void clear(String key);
}

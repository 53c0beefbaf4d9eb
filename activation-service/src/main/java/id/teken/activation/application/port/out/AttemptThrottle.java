package id.teken.activation.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** Counts failures per key within a window (used against token guessing). */
public interface AttemptThrottle {

    Optional<Duration> blocked(String key, int limit);

    void recordFailure(String key);
}

package id.teken.activation.adapter.out.throttle;

import id.teken.activation.config.ActivationConfig;
import id.teken.activation.application.port.out.AttemptThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Failures per key in a sliding window, in this instance's memory. */
@ApplicationScoped
public class InMemoryAttemptThrottle implements AttemptThrottle {

    @Inject
    ActivationConfig config;

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Override
    public Optional<Duration> blocked(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times);
            if (times.size() < limit) {
                return Optional.empty();
            }
            Duration wait = Duration.between(clock.instant(), times.peekFirst().plus(config.activation().badLinkWindow()));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    @Override
    public void recordFailure(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            if (times.size() > 1000) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(config.activation().badLinkWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.removeFirst();
        }
    }
}

package id.teken.registration.adapter.out.throttle;

import id.teken.registration.application.port.out.AttemptThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters in this instance's memory: sliding windows (a NIP's failures) and token buckets (an address's rate). Each
 * key's state changes under its own lock, so a check and its count are one step. With several instances each counts
 * its own share; the gateway's per-address limit bounds the total. At most 100,000 keys are kept (empty ones are dropped).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class InMemoryAttemptThrottle implements AttemptThrottle {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;

    /** One key's state: the times of counted attempts (window) or a bucket's tokens. */
    private static final class State {
        final Deque<Instant> times = new ArrayDeque<>();
        double tokens = -1;
        Instant refilled;
        int lastBurst;
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Override
    public Optional<Duration> reserve(String key, int limit, Duration window) {
        State s = state(key);
        synchronized (s) {
            Instant now = clock.instant();
            Instant cutoff = now.minus(window);
            while (!s.times.isEmpty() && s.times.peekFirst().isBefore(cutoff)) {
                s.times.removeFirst();
            }
            if (s.times.size() >= limit) {
                Duration wait = Duration.between(now, s.times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            s.times.addLast(now);
            return Optional.empty();
        }
    }

    @Override
    public Optional<Duration> take(String key, int burst, Duration perToken) {
        State s = state(key);
        synchronized (s) {
            Instant now = clock.instant();
            if (s.tokens < 0) {
                s.tokens = burst;
                s.refilled = now;
            }
            double earned = (double) Duration.between(s.refilled, now).toNanos() / perToken.toNanos();
            s.tokens = Math.min(burst, s.tokens + Math.max(0, earned));
            s.refilled = now;
            s.lastBurst = burst;
            if (s.tokens >= 1) {
                s.tokens -= 1;
                return Optional.empty();
            }
            long nanos = (long) ((1 - s.tokens) * perToken.toNanos());
            return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000)));
        }
    }

    @Override
    public void giveBack(String key) {
        State s = states.get(key);
        if (s == null) {
            return;
        }
        synchronized (s) {
            if (s.tokens >= 0) {
                s.tokens = Math.min(s.lastBurst, s.tokens + 1);
            } else if (!s.times.isEmpty()) {
                s.times.removeLast();
            }
        }
    }

    @Override
    public void clear(String key) {
        states.remove(key);
    }

    private State state(String key) {
        if (states.size() > MAX_KEYS) {
            states.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().times.isEmpty() && (e.getValue().tokens < 0 || e.getValue().tokens >= e.getValue().lastBurst);
                }
            });
        }
        return states.computeIfAbsent(key, k -> new State());
    }
}

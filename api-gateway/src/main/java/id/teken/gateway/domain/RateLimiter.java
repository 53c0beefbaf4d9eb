package id.teken.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a caller's address, or a client): {@code limit} requests per minute, refilled continuously,
 * bursts up to the limit. In memory per gateway instance (behind a load balancer each instance counts its own share).
 */
public final class RateLimiter {

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** 0 when the request may pass; otherwise the seconds to wait (Retry-After). A limit of 0 or less means none. */
    public long acquire(String key, long nowNanos) {
        if (perMinute <= 0) {
            return 0;
        }
        if (buckets.size() > 100_000) {
            buckets.clear();   // a flood of distinct keys must not eat the memory; buckets refill from full
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nowNanos));
        synchronized (b) {
            double perNano = perMinute / 60e9;
            b.tokens = Math.min(perMinute, b.tokens + (nowNanos - b.updatedNanos) * perNano);
            b.updatedNanos = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}

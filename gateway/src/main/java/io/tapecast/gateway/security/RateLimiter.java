package io.tapecast.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an address, a user): {@code capacity} tokens, refilled at {@code capacity} per
 * {@code period}. {@link #tryAcquire} answers 0 when the call may proceed, else the nanoseconds until a token is
 * back. Buckets that have filled up again are forgotten, so memory follows the active keys only.
 */
final class RateLimiter {

    private final long capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    RateLimiter(long capacity, Duration period, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / period.toNanos();
        this.nanoTime = nanoTime;
    }

    RateLimiter(long capacity, Duration period) {
        this(capacity, period, System::nanoTime);
    }

    /** 0 if allowed (a token was taken), otherwise nanoseconds to wait. A capacity of 0 means no limit. */
    long tryAcquire(String key) {
        if (capacity <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if ((calls.incrementAndGet() & 1023) == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
        }
    }

    int keys() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now, capacity, tokensPerNano);
                return bucket.tokens >= capacity;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(long capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        void refill(long now, long capacity, double perNano) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}

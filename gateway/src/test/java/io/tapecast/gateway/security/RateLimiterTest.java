package io.tapecast.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void allowsABurstOfCapacityThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(1), now::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        long wait = limiter.tryAcquire("a");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(334).toNanos());
        assertThat(limiter.tryAcquire("b")).as("keys are independent").isZero();
        now.addAndGet(wait);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void zeroCapacityMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(1));
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
    }

    @Test
    void idleKeysAreForgotten() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(1), now::get);
        for (int i = 0; i < 5000; i++) {
            limiter.tryAcquire("key-" + i);
        }
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        for (int i = 0; i < 2048; i++) {
            limiter.tryAcquire("fresh");
        }
        assertThat(limiter.keys()).isLessThan(100);
    }
}

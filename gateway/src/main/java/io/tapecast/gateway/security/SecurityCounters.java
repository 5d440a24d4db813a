package io.tapecast.gateway.security;

import java.util.concurrent.atomic.AtomicLong;

/** Refusals since the node started, for {@code /api/ws/stats}. */
public final class SecurityCounters {

    private final AtomicLong unauthenticated = new AtomicLong();
    private final AtomicLong forbidden = new AtomicLong();
    private final AtomicLong originRefused = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong expiredCloses = new AtomicLong();

    void unauthenticated() {
        unauthenticated.incrementAndGet();
    }

    public void forbidden() {
        forbidden.incrementAndGet();
    }

    void originRefused() {
        originRefused.incrementAndGet();
    }

    void limited() {
        limited.incrementAndGet();
    }

    void expiredClose() {
        expiredCloses.incrementAndGet();
    }

    public long unauthenticatedCount() {
        return unauthenticated.get();
    }

    public long forbiddenCount() {
        return forbidden.get();
    }

    public long originRefusedCount() {
        return originRefused.get();
    }

    public long limitedCount() {
        return limited.get();
    }

    public long expiredClosesCount() {
        return expiredCloses.get();
    }
}

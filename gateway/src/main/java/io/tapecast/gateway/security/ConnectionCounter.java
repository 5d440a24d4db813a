package io.tapecast.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Concurrent connections by key, bounded by a limit (0: unbounded). */
final class ConnectionCounter {

    private final int limit;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    ConnectionCounter(int limit) {
        this.limit = limit;
    }

    /** Counts one more connection for the key, unless that would pass the limit. */
    boolean tryAcquire(String key) {
        boolean[] acquired = {false};
        counts.compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (limit > 0 && current >= limit) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    void release(String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    int keys() {
        return counts.size();
    }
}

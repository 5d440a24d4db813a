package io.tapecast.feed.publish;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a symbol's stream stands in Kafka: the last seq published and the open time of the last closed 1m candle,
 * so a restarted feed continues the same stream (seq + 1, the next minute) instead of starting it again.
 */
public record StreamPosition(long lastSeq, Instant lastMinute) {

    public static final StreamPosition FRESH = new StreamPosition(0, null);

    public Optional<Instant> resumeAfter() {
        return Optional.ofNullable(lastMinute);
    }
}

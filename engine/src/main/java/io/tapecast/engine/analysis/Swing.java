package io.tapecast.engine.analysis;

import java.time.Instant;
import java.util.Objects;

/** A confirmed swing: the open time of the swing candle, its high (swing high) or low (swing low). */
public record Swing(Instant time, double price) {

    public Swing {
        Objects.requireNonNull(time, "time");
    }
}

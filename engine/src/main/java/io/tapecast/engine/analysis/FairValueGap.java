package io.tapecast.engine.analysis;

import io.tapecast.schemas.market.Bias;

import java.time.Instant;
import java.util.Objects;

/** A fair value gap between {@code low} and {@code high}; {@code time} is the open time of its middle candle. */
public record FairValueGap(Instant time, Bias direction, double low, double high) {

    public FairValueGap {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        if (!(low < high)) {
            throw new IllegalArgumentException("a gap's low must be below its high");
        }
    }
}

package io.tapecast.engine.analysis;

import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;

import java.time.Instant;
import java.util.Objects;

/**
 * A structure event of one timeframe as the analysers produce it, before it gets a symbol and timeframe (see
 * {@link io.tapecast.schemas.market.StructureEvent} for the meaning of each field). {@code price} is NaN for gap
 * events, {@code gapLow}/{@code gapHigh} are NaN for the others.
 */
public record StructureSignal(Instant time, StructureKind kind, Bias direction, double price, Instant referenceTime,
                              double gapLow, double gapHigh, Trend trend) {

    public StructureSignal {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(trend, "trend");
    }

    static StructureSignal level(Instant time, StructureKind kind, Bias direction, Swing swing, Trend trend) {
        return new StructureSignal(time, kind, direction, swing.price(), swing.time(), Double.NaN, Double.NaN, trend);
    }

    static StructureSignal gap(Instant time, StructureKind kind, FairValueGap gap, Trend trend) {
        return new StructureSignal(time, kind, gap.direction(), Double.NaN, gap.time(), gap.low(), gap.high(), trend);
    }

    /** Whether this is a break of structure or a change of character. */
    public boolean isBreak() {
        return kind == StructureKind.BOS || kind == StructureKind.CHOCH;
    }

    /** Whether this is a fair value gap event (new or mitigated). */
    public boolean isGap() {
        return kind == StructureKind.FVG || kind == StructureKind.FVG_MITIGATED;
    }
}

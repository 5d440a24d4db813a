package io.tapecast.engine.analysis;

import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.PatternType;

import java.time.Instant;
import java.util.Objects;

/**
 * A candlestick pattern completed by the candle opened at {@code time}; its first candle opened at
 * {@code startTime}. {@code strength} is TA-Lib's output (±100, ±80).
 */
public record PatternMatch(Instant time, Instant startTime, PatternType pattern, int strength, int candles) {

    public PatternMatch {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** Doji: neutral; otherwise the sign of the strength. */
    public Bias direction() {
        if (pattern == PatternType.DOJI) {
            return Bias.NEUTRAL;
        }
        return strength > 0 ? Bias.BULLISH : Bias.BEARISH;
    }
}

package io.tapecast.schemas.market;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * A candlestick pattern recognised at the close of its last candle. {@code time} is that candle's open time,
 * {@code start_time} the open time of the pattern's first candle ({@code candles} candles in all, 1–3).
 * {@code strength} is TA-Lib's output for the pattern: +100 / −100, or ±80 for an engulfing whose body matches
 * the previous body at one end; its sign is the direction (a doji is +100 and {@code neutral}, as in TA-Lib).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PatternEvent(
        String symbol,
        String timeframe,
        Instant time,
        PatternType pattern,
        Bias direction,
        int strength,
        int candles,
        Instant startTime) implements Payload {

    public PatternEvent {
        MarketFields.requireSymbolAndTimeframe(symbol, timeframe, time);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startTime, "startTime");
        if (strength != 100 && strength != -100 && strength != 80 && strength != -80) {
            throw new IllegalArgumentException("strength must be ±100 or ±80, got " + strength);
        }
        if (candles < 1 || candles > 3) {
            throw new IllegalArgumentException("candles must be 1–3, got " + candles);
        }
        if (startTime.isAfter(time)) {
            throw new IllegalArgumentException("start_time must not be after time");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.PATTERN;
    }
}

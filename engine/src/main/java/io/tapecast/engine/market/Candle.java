package io.tapecast.engine.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. {@code time} is the bar's <em>open</em> time in UTC, so a 1h candle stamped 10:00 covers
 * [10:00, 11:00). Prices must be positive because the engine sizes positions by dividing by them.
 */
public record Candle(Instant time, double open, double high, double low, double close, double volume) {

    public Candle {
        Objects.requireNonNull(time, "time");
        requireFinite("open", open);
        requireFinite("high", high);
        requireFinite("low", low);
        requireFinite("close", close);
        requireFinite("volume", volume);
        if (!(low > 0)) {
            throw new IllegalArgumentException("prices must be positive, got low " + low + " at " + time);
        }
        if (high < Math.max(open, close)) {
            throw new IllegalArgumentException("high " + high + " is below open/close at " + time);
        }
        if (low > Math.min(open, close)) {
            throw new IllegalArgumentException("low " + low + " is above open/close at " + time);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume must not be negative, got " + volume + " at " + time);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }
}

package io.tapecast.schemas.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields every market-data payload shares, and their rules: the symbol grammar (uppercase letters and digits,
 * optionally one {@code -} or {@code /} separator, as the engine's {@code Symbols}) and the timeframe labels (those
 * of the engine's {@code Timeframe}, finest first).
 */
public final class MarketFields {

    /** Timeframe labels a market-data payload may carry, finest first. */
    public static final List<String> TIMEFRAMES = List.of("1m", "5m", "15m", "1h", "4h", "1d");

    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{1,12}([-/][A-Z0-9]{1,12})?$");

    private MarketFields() {
    }

    static void requireSymbolAndTimeframe(String symbol, String timeframe, Instant time) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + symbol + "'");
        }
        if (!TIMEFRAMES.contains(timeframe)) {
            throw new IllegalArgumentException("unknown timeframe '" + timeframe + "'; valid: " + TIMEFRAMES);
        }
        Objects.requireNonNull(time, "time");
    }

    static void requirePrice(String name, double value) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }
}

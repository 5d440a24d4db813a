package io.tapecast.schemas.trading;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** The rules the live-trading payloads share: symbol grammar (as market data), finite numbers. */
final class TradingFields {

    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{1,12}([-/][A-Z0-9]{1,12})?$");

    private TradingFields() {
    }

    static void requireSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + symbol + "'");
        }
    }

    static void requireTime(Instant time) {
        Objects.requireNonNull(time, "time");
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    static void requireNonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
        }
    }

    static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }

    static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}

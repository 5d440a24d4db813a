package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** When a market order fills: at the next candle's open (default), or at the close of the candle that signalled. */
public enum FillMode {
    NEXT_OPEN("next_open"),
    CLOSE("close");

    private final String wireName;

    FillMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static FillMode fromWireName(String name) {
        String normalised = name.trim().toLowerCase(Locale.ROOT);
        for (FillMode mode : values()) {
            if (mode.wireName.equals(normalised)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("fill must be next_open or close, was '" + name + "'");
    }
}

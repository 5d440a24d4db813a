package io.tapecast.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The three kinds of stream; the wire name is the value of the envelope's {@code stream} field. */
public enum StreamType {
    BACKTEST("backtest"),
    LIVE_TRADING("live-trading"),
    MARKET_DATA("market-data");

    private final String wireName;

    StreamType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static StreamType fromWireName(String name) {
        String normalised = name.trim().toLowerCase(Locale.ROOT);
        for (StreamType type : values()) {
            if (type.wireName.equals(normalised)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown stream type '" + name + "'");
    }
}

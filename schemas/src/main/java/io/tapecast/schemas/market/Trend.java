package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The market-structure trend of one timeframe: {@code up} after a bullish break, {@code down} after a bearish one, {@code undefined} before the first break. The wire name is the constant in lowercase. */
public enum Trend {
    UP, DOWN, UNDEFINED;

    @JsonValue
    public String wireName() {
        return WireEnum.wireName(this);
    }

    @JsonCreator
    public static Trend fromWireName(String name) {
        return WireEnum.parse(Trend.class, name, "trend");
    }
}

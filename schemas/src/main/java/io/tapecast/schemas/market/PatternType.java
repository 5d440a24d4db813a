package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A candlestick pattern recognised with TA-Lib's definition (see the engine's CandlestickPatterns). The wire name is the constant in lowercase. */
public enum PatternType {
    DOJI, HAMMER, SHOOTING_STAR, BULLISH_ENGULFING, BEARISH_ENGULFING, MORNING_STAR, EVENING_STAR;

    @JsonValue
    public String wireName() {
        return WireEnum.wireName(this);
    }

    @JsonCreator
    public static PatternType fromWireName(String name) {
        return WireEnum.parse(PatternType.class, name, "pattern");
    }
}

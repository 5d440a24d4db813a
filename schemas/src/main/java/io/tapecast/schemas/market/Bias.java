package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A direction: {@code bullish}, {@code bearish} or {@code neutral} (a doji; a confluence whose bullish and bearish scores are equal). The wire name is the constant in lowercase. */
public enum Bias {
    BULLISH, BEARISH, NEUTRAL;

    @JsonValue
    public String wireName() {
        return WireEnum.wireName(this);
    }

    @JsonCreator
    public static Bias fromWireName(String name) {
        return WireEnum.parse(Bias.class, name, "bias");
    }
}

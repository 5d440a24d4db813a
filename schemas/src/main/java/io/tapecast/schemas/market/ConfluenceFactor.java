package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The parts of the confluence score, each with its weight in points (they sum to 100). The wire name is the constant in lowercase. */
public enum ConfluenceFactor {
    TREND_ALIGNMENT, STRUCTURE, PATTERN, MOMENTUM;

    @JsonValue
    public String wireName() {
        return WireEnum.wireName(this);
    }

    @JsonCreator
    public static ConfluenceFactor fromWireName(String name) {
        return WireEnum.parse(ConfluenceFactor.class, name, "confluence factor");
    }
}

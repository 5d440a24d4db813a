package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@code structure} event reports: a confirmed swing, a break of structure ({@code bos}), a change of character ({@code choch}), a new fair value gap ({@code fvg}) or the mitigation of one ({@code fvg_mitigated}). The wire name is the constant in lowercase. */
public enum StructureKind {
    SWING_HIGH, SWING_LOW, BOS, CHOCH, FVG, FVG_MITIGATED;

    @JsonValue
    public String wireName() {
        return WireEnum.wireName(this);
    }

    @JsonCreator
    public static StructureKind fromWireName(String name) {
        return WireEnum.parse(StructureKind.class, name, "structure kind");
    }
}

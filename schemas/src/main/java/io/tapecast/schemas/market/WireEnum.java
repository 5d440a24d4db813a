package io.tapecast.schemas.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Shared parsing of the market-data enums, whose wire names are lowercase snake_case. */
final class WireEnum {

    private WireEnum() {
    }

    /** The wire name of a constant: {@code SHOOTING_STAR} → {@code shooting_star}. */
    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (wireName(constant).equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; valid values: "
                + Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).collect(Collectors.joining(", ")));
    }
}

package io.tapecast.engine.strategy;

import java.util.Objects;
import java.util.Optional;

/** One tunable parameter of a strategy, with the bounds the catalog enforces. Bounds are inclusive. */
public record ParameterSpec(String name, String description, double defaultValue, double min, double max,
                            boolean integer) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        // Finite bounds keep descriptors serialisable as plain JSON numbers.
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(defaultValue)) {
            throw new IllegalArgumentException(name + ": default, min and max must be finite");
        }
        if (min > max) {
            throw new IllegalArgumentException(name + ": min must not exceed max");
        }
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default must lie between min and max");
        }
        if (integer && defaultValue != Math.rint(defaultValue)) {
            throw new IllegalArgumentException(name + ": default of an integer parameter must be whole");
        }
    }

    /** What is wrong with {@code value} for this parameter, phrased to follow the parameter's name; empty if fine. */
    public Optional<String> problemWith(Double value) {
        if (value == null || value.isNaN()) {
            return Optional.of("must be a number");
        }
        if (integer && value != Math.rint(value)) {
            return Optional.of("must be a whole number (got " + format(value) + ")");
        }
        if (value < min || value > max) {
            return Optional.of(
                    "must be between " + format(min) + " and " + format(max) + " (got " + format(value) + ")");
        }
        return Optional.empty();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

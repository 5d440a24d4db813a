package io.tapecast.engine.strategy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a strategy is called, what it does and which parameters it takes; safe to show to users. */
public record StrategyDescriptor(String id, String description, List<ParameterSpec> parameters) {

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public StrategyDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        // Ids become trade-id prefixes and message prefixes like "sma-crossover.slow", so keep them tame.
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("strategy id '" + id + "' must be lowercase words joined by '-'");
        }
        Set<String> seen = new HashSet<>();
        for (ParameterSpec p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException(id + ": duplicate parameter " + p.name());
            }
        }
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}

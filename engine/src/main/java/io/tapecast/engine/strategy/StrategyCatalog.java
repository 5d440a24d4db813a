package io.tapecast.engine.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The strategies a run may name, by id. It validates parameters once, centrally, so strategies themselves
 * only see complete, in-range values, and the gateway can report problems without building anything.
 * <p>
 * Problem messages always start with {@code <strategy-id>.<parameter>} (e.g. "sma-crossover.slow must be
 * greater than fast"), or with "unknown strategy" for an id that is not registered, so a caller can map
 * them to fields. Safe for concurrent use; registering is expected at start-up.
 * <p>
 * Every strategy also accepts the generic risk parameters {@value #STOP_LOSS_PCT} and {@value #TAKE_PROFIT_PCT}
 * (percent from the entry price, 0 = off): {@link #register} appends them to each descriptor that does not
 * declare them itself, so they are listed, validated and defaulted like the strategy's own; the engine reads them.
 */
public final class StrategyCatalog {

    /** Generic parameter: stop-loss distance from the entry price, in percent; 0 = none. */
    public static final String STOP_LOSS_PCT = "stop_loss_pct";
    /** Generic parameter: take-profit distance from the entry price, in percent; 0 = none. */
    public static final String TAKE_PROFIT_PCT = "take_profit_pct";

    /** The generic parameters every strategy accepts, in the order they are appended to descriptors. */
    public static final List<ParameterSpec> GENERIC_PARAMETERS = List.of(
            new ParameterSpec(STOP_LOSS_PCT, "Stop-loss distance from the entry price, in percent (checked against"
                    + " each candle's high/low); 0 = no stop", 0, 0, 100, false),
            new ParameterSpec(TAKE_PROFIT_PCT, "Take-profit distance from the entry price, in percent (checked"
                    + " against each candle's high/low); 0 = no take-profit", 0, 0, 10_000, false));

    private final Map<String, Entry> entries = new ConcurrentSkipListMap<>();

    /**
     * A catalog with the built-in strategies: sma-crossover, rsi-reversion, donchian-breakout and
     * structure-confluence.
     */
    public static StrategyCatalog defaults() {
        StrategyCatalog catalog = new StrategyCatalog();
        catalog.register(SmaCrossover.descriptor(), SmaCrossover::fromParameters, SmaCrossover::crossParameterProblems);
        catalog.register(RsiReversion.descriptor(), RsiReversion::fromParameters, RsiReversion::crossParameterProblems);
        catalog.register(DonchianBreakout.descriptor(), DonchianBreakout::fromParameters);
        catalog.register(StructureConfluence.descriptor(), StructureConfluence::fromParameters);
        return catalog;
    }

    /**
     * Adds a strategy. {@code factory} receives every declared parameter with defaults applied and each value
     * already checked against its {@link ParameterSpec}.
     */
    public void register(StrategyDescriptor descriptor, Function<Map<String, Double>, Strategy> factory) {
        register(descriptor, factory, params -> List.of());
    }

    /**
     * Adds a strategy with a check across its parameters. {@code crossCheck} sees the same complete map as the
     * factory and returns problems, each starting with the name of the parameter it concerns
     * ("slow must be greater than fast"); the catalog prefixes the strategy id.
     *
     * @throws IllegalArgumentException if the id is already registered
     */
    public void register(StrategyDescriptor descriptor, Function<Map<String, Double>, Strategy> factory,
                         Function<Map<String, Double>, List<String>> crossCheck) {
        Objects.requireNonNull(descriptor, "descriptor");
        Entry entry = new Entry(withGenericParameters(descriptor), Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(crossCheck, "crossCheck"));
        if (entries.putIfAbsent(descriptor.id(), entry) != null) {
            throw new IllegalArgumentException("strategy '" + descriptor.id() + "' is already registered");
        }
    }

    /** All registered strategies, sorted by id. */
    public List<StrategyDescriptor> descriptors() {
        return entries.values().stream().map(Entry::descriptor).toList();
    }

    public Optional<StrategyDescriptor> find(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id)).map(Entry::descriptor);
    }

    /** Human-readable problems with running {@code id} with {@code params} (overrides only); empty if none. */
    public List<String> validate(String id, Map<String, Double> params) {
        Entry entry = id == null ? null : entries.get(id);
        if (entry == null) {
            return List.of("unknown strategy '" + id + "'; known strategies: " + String.join(", ", entries.keySet()));
        }
        Map<String, Double> overrides = params == null ? Map.of() : params;
        StrategyDescriptor descriptor = entry.descriptor();
        List<String> problems = new ArrayList<>();
        for (String name : overrides.keySet()) {
            if (descriptor.parameter(name).isEmpty()) {
                problems.add(id + "." + name + " is not a parameter of " + id + "; known parameters: "
                        + String.join(", ", descriptor.parameters().stream().map(ParameterSpec::name).toList()));
            }
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            if (overrides.containsKey(spec.name())) {
                spec.problemWith(overrides.get(spec.name()))
                        .ifPresent(p -> problems.add(id + "." + spec.name() + " " + p));
            }
        }
        if (problems.isEmpty()) {
            for (String problem : entry.crossCheck().apply(withDefaults(descriptor, overrides))) {
                problems.add(id + "." + problem);
            }
        }
        return List.copyOf(problems);
    }

    /**
     * A fresh strategy instance for one run.
     *
     * @throws IllegalArgumentException listing every problem found by {@link #validate(String, Map)}
     */
    public Strategy create(String id, Map<String, Double> params) {
        Map<String, Double> complete = resolve(id, params);
        return Objects.requireNonNull(entries.get(id).factory().apply(complete),
                () -> "factory of " + id + " returned null");
    }

    /**
     * Every declared parameter of {@code id} (generic ones included), overrides applied over the defaults, in
     * declaration order.
     *
     * @throws IllegalArgumentException listing every problem found by {@link #validate(String, Map)}
     */
    public Map<String, Double> resolve(String id, Map<String, Double> params) {
        List<String> problems = validate(id, params);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return withDefaults(entries.get(id).descriptor(), params == null ? Map.of() : params);
    }

    private static StrategyDescriptor withGenericParameters(StrategyDescriptor descriptor) {
        List<ParameterSpec> parameters = new ArrayList<>(descriptor.parameters());
        for (ParameterSpec generic : GENERIC_PARAMETERS) {
            if (descriptor.parameter(generic.name()).isEmpty()) {
                parameters.add(generic);
            }
        }
        return new StrategyDescriptor(descriptor.id(), descriptor.description(), parameters);
    }

    private static Map<String, Double> withDefaults(StrategyDescriptor descriptor, Map<String, Double> overrides) {
        Map<String, Double> complete = new LinkedHashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            complete.put(spec.name(), overrides.getOrDefault(spec.name(), spec.defaultValue()));
        }
        return Collections.unmodifiableMap(complete);
    }

    private record Entry(StrategyDescriptor descriptor, Function<Map<String, Double>, Strategy> factory,
                         Function<Map<String, Double>, List<String>> crossCheck) {
    }
}

package io.tapecast.engine.strategy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyCatalogTest {

    private final StrategyCatalog catalog = StrategyCatalog.defaults();

    @Test
    void theDefaultsContainSmaCrossover() {
        assertThat(catalog.descriptors()).extracting(StrategyDescriptor::id).containsExactly("sma-crossover");
        assertThat(catalog.find("sma-crossover")).isPresent();
        assertThat(catalog.find("nope")).isEmpty();
        assertThat(catalog.create("sma-crossover", Map.of())).isInstanceOf(SmaCrossover.class);
    }

    @Test
    void acceptsValidOverrides() {
        assertThat(catalog.validate("sma-crossover", Map.of("fast", 5.0, "slow", 20.0))).isEmpty();
        assertThat(catalog.validate("sma-crossover", null)).isEmpty();
    }

    @Test
    void reportsASlowPeriodNotAboveTheFastOneAgainstSlow() {
        assertThat(catalog.validate("sma-crossover", Map.of("slow", 5.0)))
                .containsExactly("sma-crossover.slow must be greater than fast");
        assertThatThrownBy(() -> catalog.create("sma-crossover", Map.of("fast", 30.0, "slow", 30.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sma-crossover.slow must be greater than fast");
    }

    @Test
    void reportsUnknownParametersOutOfRangeValuesAndFractions() {
        assertThat(catalog.validate("sma-crossover", Map.of("fastest", 3.0)))
                .containsExactly("sma-crossover.fastest is not a parameter of sma-crossover; known parameters: fast, slow");
        assertThat(catalog.validate("sma-crossover", Map.of("fast", 0.0)))
                .containsExactly("sma-crossover.fast must be between 1 and 1000 (got 0)");
        assertThat(catalog.validate("sma-crossover", Map.of("fast", 2.5)))
                .containsExactly("sma-crossover.fast must be a whole number (got 2.5)");
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("slow", null);
        assertThat(catalog.validate("sma-crossover", withNull)).containsExactly("sma-crossover.slow must be a number");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(catalog.validate("sma-crossover", Map.of("fast", 0.5, "slow", -1.0, "x", 1.0))).hasSize(3);
    }

    @Test
    void reportsAnUnknownStrategyListingTheKnownOnes() {
        assertThat(catalog.validate("rsi", Map.of()))
                .containsExactly("unknown strategy 'rsi'; known strategies: sma-crossover");
        assertThatThrownBy(() -> catalog.create("rsi", Map.of())).hasMessageContaining("unknown strategy 'rsi'");
    }

    @Test
    void registeredStrategiesReceiveParametersWithDefaultsApplied() {
        AtomicReference<Map<String, Double>> received = new AtomicReference<>();
        catalog.register(new StrategyDescriptor("always-long", "Buys once and holds",
                        List.of(new ParameterSpec("delay", "Bars to wait", 3, 0, 100, true),
                                new ParameterSpec("size", "Share of cash", 1, 0, 1, false))),
                params -> {
                    received.set(params);
                    return candle -> Signal.ENTER_LONG;
                });

        catalog.create("always-long", Map.of("size", 0.5));

        assertThat(received.get()).containsExactlyInAnyOrderEntriesOf(Map.of("delay", 3.0, "size", 0.5));
        assertThat(catalog.descriptors()).extracting(StrategyDescriptor::id).containsExactly("always-long", "sma-crossover");
    }

    @Test
    void anIdCanBeRegisteredOnlyOnce() {
        assertThatThrownBy(() -> catalog.register(SmaCrossover.descriptor(), SmaCrossover::fromParameters))
                .hasMessageContaining("already registered");
    }

    @Test
    void descriptorsRejectInconsistentParameterSpecs() {
        assertThatThrownBy(() -> new ParameterSpec("n", "", 5, 10, 20, true)).hasMessageContaining("default");
        assertThatThrownBy(() -> new ParameterSpec("n", "", 1.5, 1, 20, true)).hasMessageContaining("whole");
        assertThatThrownBy(() -> new StrategyDescriptor("Bad Id", "", List.of())).hasMessageContaining("Bad Id");
    }
}

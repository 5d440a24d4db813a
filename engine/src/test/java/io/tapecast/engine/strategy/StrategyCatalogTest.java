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
    void theDefaultsContainTheBuiltInStrategies() {
        assertThat(catalog.descriptors()).extracting(StrategyDescriptor::id)
                .containsExactly("donchian-breakout", "rsi-reversion", "sma-crossover", "structure-confluence");
        assertThat(catalog.create("rsi-reversion", Map.of())).isInstanceOf(RsiReversion.class);
        assertThat(catalog.create("donchian-breakout", Map.of())).isInstanceOf(DonchianBreakout.class);
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
                .containsExactly("sma-crossover.fastest is not a parameter of sma-crossover; known parameters: fast, slow, allow_short, stop_loss_pct, take_profit_pct");
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
                .containsExactly("unknown strategy 'rsi'; known strategies: donchian-breakout, rsi-reversion, sma-crossover, structure-confluence");
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

        assertThat(received.get()).containsExactlyInAnyOrderEntriesOf(
                Map.of("delay", 3.0, "size", 0.5, "stop_loss_pct", 0.0, "take_profit_pct", 0.0));
        assertThat(catalog.descriptors()).extracting(StrategyDescriptor::id)
                .containsExactly("always-long", "donchian-breakout", "rsi-reversion", "sma-crossover",
                        "structure-confluence");
    }

    @Test
    void everyStrategyAcceptsTheGenericRiskParameters() {
        for (StrategyDescriptor descriptor : catalog.descriptors()) {
            assertThat(descriptor.parameter("stop_loss_pct")).as(descriptor.id())
                    .hasValueSatisfying(p -> assertThat(p.defaultValue()).isZero());
            assertThat(descriptor.parameter("take_profit_pct")).as(descriptor.id()).isPresent();
        }
        assertThat(catalog.resolve("sma-crossover", Map.of("stop_loss_pct", 2.5)))
                .containsEntry("stop_loss_pct", 2.5).containsEntry("take_profit_pct", 0.0).containsEntry("fast", 10.0);
        assertThat(catalog.validate("sma-crossover", Map.of("stop_loss_pct", -1.0)))
                .containsExactly("sma-crossover.stop_loss_pct must be between 0 and 100 (got -1)");
    }

    @Test
    void reportsCrossParameterProblemsOfEveryStrategyAgainstTheParameter() {
        assertThat(catalog.validate("rsi-reversion", Map.of("oversold", 80.0)))
                .containsExactly("rsi-reversion.overbought must be greater than oversold");
        assertThat(catalog.validate("sma-crossover", Map.of("allow_short", 2.0)))
                .containsExactly("sma-crossover.allow_short must be between 0 and 1 (got 2)");
        assertThat(catalog.validate("donchian-breakout", Map.of("atr_multiple", -1.0)))
                .containsExactly("donchian-breakout.atr_multiple must be between 0 and 100 (got -1)");
        assertThatThrownBy(() -> catalog.create("donchian-breakout", Map.of("entry", 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("donchian-breakout.entry ");
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

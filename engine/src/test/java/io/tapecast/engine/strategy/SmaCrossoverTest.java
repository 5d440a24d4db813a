package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tapecast.engine.strategy.Signal.ENTER_LONG;
import static io.tapecast.engine.strategy.Signal.EXIT_LONG;
import static io.tapecast.engine.strategy.Signal.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmaCrossoverTest {

    private static List<Signal> signals(Strategy strategy, double... closes) {
        List<Signal> out = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (double close : closes) {
            out.add(strategy.onCandle(new Candle(t, close, close, close, close, 1)));
            t = t.plusSeconds(86_400);
        }
        return out;
    }

    @Test
    void signalsExactlyOnTheCrossingBars() {
        // SMA(2) vs SMA(3) from bar 2: 3.5<4, 2.5<3, 1.5<2, 1.5<1.67, 4>3 (up), 6>4.67, 3.5<4.33 (down)
        assertThat(signals(new SmaCrossover(2, 3), 5, 4, 3, 2, 1, 2, 6, 6, 1))
                .containsExactly(NONE, NONE, NONE, NONE, NONE, NONE, ENTER_LONG, NONE, EXIT_LONG);
    }

    @Test
    void withAllowShortTheCrossBelowReversesIntoAShort() {
        assertThat(signals(new SmaCrossover(2, 3, true), 5, 4, 3, 2, 1, 2, 6, 6, 1))
                .containsExactly(NONE, NONE, NONE, NONE, NONE, NONE, ENTER_LONG, NONE, Signal.ENTER_SHORT);
        assertThat(SmaCrossover.fromParameters(java.util.Map.of("fast", 2.0, "slow", 3.0, "allow_short", 1.0))
                .onCandle(new Candle(Instant.EPOCH, 1, 1, 1, 1, 1))).isEqualTo(NONE);
    }

    @Test
    void passingThroughEqualityIsNotACross() {
        // Bar 2: 2.5 < 3; bar 3: 2 == 2; bar 4: 5.5 > 4.67 — but the bar before was equal, not below.
        assertThat(signals(new SmaCrossover(2, 3), 4, 2, 3, 1, 10))
                .containsExactly(NONE, NONE, NONE, NONE, NONE);
    }

    @Test
    void needsBothAveragesOnTheBarBeforeTheCross() {
        // The slow SMA first exists on bar 2 (fast 1.5 > slow 1.33): there is no earlier bar to cross from.
        assertThat(signals(new SmaCrossover(2, 3), 1, 1, 2)).containsExactly(NONE, NONE, NONE);
    }

    @Test
    void equalAveragesFromRoundingAreNotACross() {
        // SMA(1) and SMA(2) of a constant 0.1 agree but may be summed to different last bits.
        assertThat(signals(new SmaCrossover(1, 2), 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)).containsOnly(NONE);
    }

    @Test
    void rejectsASlowPeriodNotAboveTheFastOne() {
        assertThatThrownBy(() -> new SmaCrossover(10, 10)).hasMessage("sma-crossover.slow must be greater than fast");
        assertThatThrownBy(() -> new SmaCrossover(0, 10)).hasMessageContaining("sma-crossover.fast");
    }

    @Test
    void describesItsParameters() {
        StrategyDescriptor descriptor = SmaCrossover.descriptor();
        assertThat(descriptor.id()).isEqualTo("sma-crossover");
        assertThat(descriptor.parameter("fast")).hasValueSatisfying(p -> {
            assertThat(p.defaultValue()).isEqualTo(10);
            assertThat(p.integer()).isTrue();
            assertThat(p.min()).isEqualTo(1);
        });
        assertThat(descriptor.parameter("slow")).hasValueSatisfying(p -> assertThat(p.defaultValue()).isEqualTo(30));
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tapecast.engine.strategy.Signal.ENTER_LONG;
import static io.tapecast.engine.strategy.Signal.ENTER_SHORT;
import static io.tapecast.engine.strategy.Signal.EXIT_LONG;
import static io.tapecast.engine.strategy.Signal.EXIT_SHORT;
import static io.tapecast.engine.strategy.Signal.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RsiReversionTest {

    // Changes +1 +1 −1 −2 −1 +2 +3. Wilder RSI(2): seed gain 1, loss 0 → 100; then 50, 16.667, 10, 65.38, 87.84.
    private static final double[] CLOSES = {10, 11, 12, 11, 9, 8, 10, 13};

    private static List<Signal> signals(Strategy strategy) {
        List<Signal> out = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (double close : CLOSES) {
            out.add(strategy.onCandle(new Candle(t, close, close, close, close, 1)));
            t = t.plusSeconds(86_400);
        }
        return out;
    }

    @Test
    void wilderRsiSeedsWithTheMeanAndSmoothsAfterwards() {
        WilderRsi rsi = new WilderRsi(2);
        List<Double> values = new ArrayList<>();
        for (double close : CLOSES) {
            rsi.add(close);
            values.add(rsi.value());
        }
        assertThat(values.get(1)).isNaN();
        assertThat(values.get(2)).isEqualTo(100.0);
        assertThat(values.get(3)).isCloseTo(50.0, within(1e-9));
        // gain (0.5 + 0) / 2 = 0.25, loss (0.5 + 2) / 2 = 1.25: RS 0.2
        assertThat(values.get(4)).isCloseTo(100 - 100 / 1.2, within(1e-9));
        assertThat(values.get(5)).isCloseTo(10.0, within(1e-9));
        assertThat(values.get(7)).isCloseTo(100 - 100 / (1 + 2.03125 / 0.28125), within(1e-9));
    }

    @Test
    void buysTheCrossIntoOversoldAndSellsTheCrossIntoOverbought() {
        assertThat(signals(new RsiReversion(2, 30, 70, false)))
                .containsExactly(NONE, NONE, NONE, NONE, ENTER_LONG, EXIT_SHORT, NONE, EXIT_LONG);
        assertThat(signals(new RsiReversion(2, 30, 70, true)))
                .containsExactly(NONE, NONE, NONE, NONE, ENTER_LONG, EXIT_SHORT, NONE, ENTER_SHORT);
    }

    @Test
    void aFlatMarketHasAnRsiOfFifty() {
        WilderRsi rsi = new WilderRsi(3);
        for (int i = 0; i < 5; i++) {
            rsi.add(7);
        }
        assertThat(rsi.value()).isEqualTo(50.0);
    }

    @Test
    void rejectsOverboughtNotAboveOversold() {
        assertThatThrownBy(() -> new RsiReversion(14, 50, 50, false))
                .hasMessage("rsi-reversion.overbought must be greater than oversold");
    }
}

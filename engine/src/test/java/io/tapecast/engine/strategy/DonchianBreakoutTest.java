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
import static org.assertj.core.api.Assertions.within;

class DonchianBreakoutTest {

    private static final double[] CLOSES = {10, 11, 12, 13, 12, 11, 10, 9};

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
    void breaksOutOfTheEntryChannelOfThePreviousCandlesAndExitsOnTheExitChannel() {
        // Bar 3: 13 > max(10, 11, 12). Bar 5: 11 < min(13, 12). Bar 2: 12 > max(10, 11) exits a short (none held).
        assertThat(signals(new DonchianBreakout(3, 2, 2, 0, false)))
                .containsExactly(NONE, NONE, EXIT_SHORT, ENTER_LONG, NONE, EXIT_LONG, EXIT_LONG, EXIT_LONG);
        // Bar 5: 11 < min(12, 13, 12) breaks down through the entry channel.
        assertThat(signals(new DonchianBreakout(3, 2, 2, 0, true)))
                .containsExactly(NONE, NONE, EXIT_SHORT, ENTER_LONG, NONE, ENTER_SHORT, ENTER_SHORT, ENTER_SHORT);
    }

    @Test
    void placesTheStopAtAMultipleOfWildersAtrFromTheEntry() {
        DonchianBreakout strategy = new DonchianBreakout(3, 2, 2, 2, false);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(strategy.stopPrice(true, 100)).isNaN();
        for (int i = 0; i < 4; i++) {
            strategy.onCandle(new Candle(t.plusSeconds(86_400L * i), CLOSES[i], CLOSES[i], CLOSES[i], CLOSES[i], 1));
        }
        // TR 0, 1 → seed 0.5; then (0.5 + 1) / 2 = 0.75, (0.75 + 1) / 2 = 0.875.
        assertThat(strategy.stopPrice(true, 100)).isCloseTo(100 - 1.75, within(1e-12));
        assertThat(strategy.stopPrice(false, 100)).isCloseTo(100 + 1.75, within(1e-12));
        assertThat(new DonchianBreakout(3, 2, 2, 0, false).stopPrice(true, 100)).isNaN();
    }

    @Test
    void trueRangeIncludesTheGapFromThePreviousClose() {
        AverageTrueRange atr = new AverageTrueRange(1);
        atr.add(new Candle(Instant.EPOCH, 10, 11, 9, 10, 1));
        atr.add(new Candle(Instant.EPOCH.plusSeconds(60), 15, 16, 14, 15, 1));
        assertThat(atr.value()).isEqualTo(6.0);
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestListener;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.backtest.Fill;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StructureConfluenceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Hourly candles with open = close, from (high, low, close) triples. */
    private static List<Candle> hours(double... hlc) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < hlc.length; i += 3) {
            out.add(new Candle(T0.plusSeconds(3_600L * (i / 3)), hlc[i + 2], hlc[i], hlc[i + 1], hlc[i + 2], 1));
        }
        return out;
    }

    /**
     * With L = 1: swing high 12 (candle 1) and swing low 7 (candle 3); candle 5 closes above 12 (bos up); candle 7
     * gaps below the swing low (choch down); candle 10 bos down; candle 11 closes above the swing high 9 (choch
     * up); candle 12 ends the data.
     */
    private static final List<Candle> STORY = hours(
            10, 8, 9, 12, 9, 11, 11, 9.5, 10, 10.5, 7, 8, 11, 8.5, 10.5, 13, 10, 12.5, 12, 9, 9.5, 11, 6, 6.5,
            8, 5, 7.5, 9, 5.5, 8, 8.5, 4, 4.5, 9.5, 4.2, 9.2, 9.5, 9, 9.3);

    private static Instant hour(int i) {
        return T0.plusSeconds(3_600L * i);
    }

    private static BacktestResult backtest(List<Candle> candles, List<Timeframe> timeframes, Instant to,
                                           Map<String, Double> params) {
        CandleSource source = (symbol, tf, from, until) -> candles.stream()
                .filter(c -> !c.time().isBefore(from) && c.time().isBefore(until)).toList();
        BacktestSpec spec = new BacktestSpec("TEST", timeframes, T0, to, List.of(StructureConfluence.ID),
                Map.of(StructureConfluence.ID, params), 10_000, 0);
        return new BacktestEngine(source, StrategyCatalog.defaults()).run(spec, BacktestListener.NONE);
    }

    private static Map<String, Double> params(double threshold, double entryOnChoch) {
        Map<String, Double> p = new HashMap<>();
        p.put("swing_lookback", 1.0);
        p.put("threshold", threshold);
        p.put("entry_on_choch", entryOnChoch);
        return p;
    }

    @Test
    void entersOnTheBreakStopsBelowTheLastSwingLowAndReentersOnTheChoch() {
        BacktestResult result = backtest(STORY, List.of(Timeframe.H1), hour(13), params(0, 1));
        List<Fill> fills = result.fills();
        assertThat(fills).extracting(Fill::time, Fill::entry, Fill::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(hour(6), true, "enter_long"),
                org.assertj.core.groups.Tuple.tuple(hour(7), false, "stop_loss"),
                org.assertj.core.groups.Tuple.tuple(hour(12), true, "enter_long"),
                org.assertj.core.groups.Tuple.tuple(hour(12), false, "end_of_data"));
        assertThat(fills.get(0).price()).isEqualTo(9.5);
        // candle 7 opens at 6.5, below the stop 7 × (1 − 0.1 %): the stop fills at the open
        assertThat(fills.get(1).price()).isEqualTo(6.5);
    }

    @Test
    void withoutChochEntriesOnlyTheBosTradesAndAThresholdOf100BlocksEverything() {
        assertThat(backtest(STORY, List.of(Timeframe.H1), hour(13), params(0, 0)).fills())
                .extracting(Fill::time).containsExactly(hour(6), hour(7));
        assertThat(backtest(STORY, List.of(Timeframe.H1), hour(13), params(100, 1)).fills()).isEmpty();
    }

    @Test
    void theStopLiesBeyondTheLastSwingKnownAtTheEntry() {
        StructureConfluence strategy = new StructureConfluence(1, 0, 14, true, 0.1, false);
        List<Signal> signals = new ArrayList<>();
        for (Candle c : STORY) {
            signals.add(strategy.onCandle(c));
            if (signals.size() == 6) {
                assertThat(strategy.stopPrice(true, 9.5)).isCloseTo(7 * 0.999, within(1e-12));
                assertThat(strategy.stopPrice(false, 9.5)).isNaN();
            }
        }
        assertThat(signals.get(5)).isEqualTo(Signal.ENTER_LONG);
        assertThat(signals.get(7)).isEqualTo(Signal.EXIT_LONG);
        assertThat(signals.get(11)).isEqualTo(Signal.ENTER_LONG);
        assertThat(strategy.stopPrice(true, 9.3)).isCloseTo(4 * 0.999, within(1e-12));
        assertThat(strategy.lastScore().trends()).containsOnlyKeys(StructureConfluence.DRIVING);
    }

    @Test
    void aHigherTimeframeTrendAgainstTheBreakBlocksTheEntry() {
        StructureConfluence strategy = new StructureConfluence(1, 0, 14, true, 0.1, true);
        // the 4h analyser sees the story up to its choch down: trend down
        for (Candle c : STORY.subList(0, 8)) {
            strategy.onHigherTimeframeCandle(Timeframe.H4, c);
        }
        List<Signal> signals = new ArrayList<>();
        for (Candle c : STORY) {
            signals.add(strategy.onCandle(c));
            if (signals.size() == 8) {
                // above the last swing high known at the choch: 13 (candle 5)
                assertThat(strategy.stopPrice(false, 6.5)).isCloseTo(13 * 1.001, within(1e-12));
            }
        }
        assertThat(signals.get(5)).as("bos up against a 4h downtrend").isEqualTo(Signal.EXIT_SHORT);
        assertThat(signals.get(7)).as("choch down with the 4h downtrend, shorts allowed").isEqualTo(Signal.ENTER_SHORT);
        assertThat(signals.get(10)).isEqualTo(Signal.ENTER_SHORT);
        assertThat(signals.get(11)).isEqualTo(Signal.EXIT_SHORT);
        assertThat(strategy.lastScore().trends()).containsOnlyKeys(StructureConfluence.DRIVING, "4h");
    }

    @Test
    void tradesOnSyntheticDataWithAHigherTimeframeAndNeverLooksAhead() {
        Instant from = Instant.parse("2023-01-01T00:00:00Z");
        Instant to = Instant.parse("2023-07-01T00:00:00Z");
        Instant cut = Instant.parse("2023-04-01T00:00:00Z");
        SyntheticCandleSource source = new SyntheticCandleSource();
        Map<String, Map<String, Double>> params = Map.of(StructureConfluence.ID, Map.of("allow_short", 1.0));
        BacktestEngine engine = new BacktestEngine(source, StrategyCatalog.defaults());
        BacktestResult full = engine.run(new BacktestSpec("BTC-USD", List.of(Timeframe.H1, Timeframe.H4), from, to,
                List.of(StructureConfluence.ID), params, 10_000, 10), BacktestListener.NONE);
        BacktestResult head = engine.run(new BacktestSpec("BTC-USD", List.of(Timeframe.H1, Timeframe.H4), from, cut,
                List.of(StructureConfluence.ID), params, 10_000, 10), BacktestListener.NONE);

        assertThat(full.metrics().tradeCount()).isGreaterThan(5);
        assertThat(full.fills()).extracting(Fill::reason).contains("enter_long", "enter_short", "stop_loss");
        // what happened before the cut does not depend on the candles after it
        List<Fill> before = full.fills().stream().filter(f -> f.time().isBefore(cut)).toList();
        List<Fill> headFills = head.fills().stream().filter(f -> !f.reason().equals("end_of_data")).toList();
        assertThat(headFills).isNotEmpty().isEqualTo(before);
        // and reruns are identical
        assertThat(engine.run(new BacktestSpec("BTC-USD", List.of(Timeframe.H1, Timeframe.H4), from, to,
                List.of(StructureConfluence.ID), params, 10_000, 10), BacktestListener.NONE)).isEqualTo(full);
    }

    @Test
    void isRegisteredWithDefaultsAndRanges() {
        StrategyCatalog catalog = StrategyCatalog.defaults();
        assertThat(catalog.create(StructureConfluence.ID, Map.of())).isInstanceOf(StructureConfluence.class);
        assertThat(catalog.resolve(StructureConfluence.ID, Map.of())).containsEntry("swing_lookback", 3.0)
                .containsEntry("threshold", 60.0).containsEntry("rsi_period", 14.0).containsEntry("entry_on_choch", 1.0)
                .containsEntry("stop_buffer_pct", 0.1).containsEntry("allow_short", 0.0);
        assertThat(catalog.validate(StructureConfluence.ID, Map.of("threshold", 101.0)))
                .containsExactly("structure-confluence.threshold must be between 0 and 100 (got 101)");
        assertThat(catalog.validate(StructureConfluence.ID, Map.of("swing_lookback", 0.0))).hasSize(1);
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Aggregation;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.Strategy;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.engine.strategy.StrategyDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driving (1h) loop hands a 4h candle to the strategy only after it has closed. The series is built so that a
 * strategy seeing the final 4h candle while it is still forming (a naive join by timestamp) would trade
 * differently — and at a better price — than one that waits.
 */
class MultiTimeframeTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Hourly candles from T0, given as (open, close) pairs; high/low wrap them. */
    private static List<Candle> hours(double... openClose) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < openClose.length; i += 2) {
            double o = openClose[i];
            double c = openClose[i + 1];
            out.add(new Candle(T0.plusSeconds(3_600L * (i / 2)), o, Math.max(o, c), Math.min(o, c), c, 1));
        }
        return out;
    }

    // 00–04: up, up, up, crash → the 4h candle is bearish (100 → 90) although its first three hours rise.
    // 04–08: down, down, down, surge → bullish (90 → 95). 08–12: steady rise, bullish.
    private static final List<Candle> SERIES = hours(
            100, 110, 110, 120, 120, 130, 130, 90,
            90, 80, 80, 70, 70, 60, 60, 95,
            95, 96, 96, 97, 97, 98, 98, 99);

    /** Long while the latest closed 4h candle is bullish, flat while it is bearish; logs what it sees. */
    private static final class HigherTrend implements Strategy {
        final List<String> log = new ArrayList<>();
        final List<Candle> delivered = new ArrayList<>();
        Candle latest;

        @Override
        public void onHigherTimeframeCandle(Timeframe timeframe, Candle closed) {
            log.add(timeframe.label() + "@" + closed.time());
            delivered.add(closed);
            latest = closed;
        }

        @Override
        public Signal onCandle(Candle candle) {
            log.add("1h@" + candle.time());
            if (latest == null) {
                return Signal.NONE;
            }
            return latest.close() > latest.open() ? Signal.ENTER_LONG : Signal.EXIT_LONG;
        }
    }

    private static BacktestResult run(List<Candle> candles, HigherTrend strategy) {
        StrategyCatalog catalog = new StrategyCatalog();
        catalog.register(new StrategyDescriptor("trend", "4h trend", List.of()), params -> strategy);
        BacktestSpec spec = new BacktestSpec("TEST", List.of(Timeframe.H4, Timeframe.H1), T0,
                T0.plusSeconds(86_400), List.of("trend"), Map.of(), 10_000, 0);
        return new BacktestEngine((symbol, tf, from, to) -> {
            assertThat(tf).isEqualTo(Timeframe.H1);
            return candles;
        }, catalog).run(spec, BacktestListener.NONE);
    }

    @Test
    void aHigherCandleArrivesRightAfterTheDrivingCandleThatClosesIt() {
        HigherTrend strategy = new HigherTrend();
        run(SERIES, strategy);

        assertThat(strategy.log.subList(0, 6)).containsExactly(
                "1h@2024-01-01T00:00:00Z", "1h@2024-01-01T01:00:00Z", "1h@2024-01-01T02:00:00Z",
                "4h@2024-01-01T00:00:00Z", "1h@2024-01-01T03:00:00Z", "1h@2024-01-01T04:00:00Z");
        assertThat(strategy.log).filteredOn(s -> s.startsWith("4h"))
                .containsExactly("4h@2024-01-01T00:00:00Z", "4h@2024-01-01T04:00:00Z", "4h@2024-01-01T08:00:00Z");
        // The delivered candles are the aggregates of their hours.
        assertThat(strategy.delivered).isEqualTo(Aggregation.aggregate(SERIES, Timeframe.H4));
    }

    @Test
    void peekingAtTheFormingCandleWouldChangeTheTradesButTheEngineDoesNotPeek() {
        BacktestResult result = run(SERIES, new HigherTrend());

        // Honest: the first bullish 4h candle (04:00) closes with the 07:00 hour, so the entry is at 08:00's open.
        assertThat(result.fills()).extracting(Fill::time, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-01-01T08:00:00Z"), 95.0),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-01-01T11:00:00Z"), 99.0));

        // A naive join that shows each hour the 4h candle with the same bucket — its final values — would have
        // known at 04:00's close that 04–08 ends bullish and bought at 05:00's open, 80.
        List<Candle> fourHours = Aggregation.aggregate(SERIES, Timeframe.H4);
        Instant naiveEntry = null;
        for (int i = 0; i < SERIES.size() - 1 && naiveEntry == null; i++) {
            Candle peeked = fourHours.get(i / 4);
            if (peeked.close() > peeked.open()) {
                naiveEntry = SERIES.get(i + 1).time();
            }
        }
        assertThat(naiveEntry).isEqualTo(Instant.parse("2024-01-01T05:00:00Z"));
        assertThat(result.fills().get(0).time()).isNotEqualTo(naiveEntry);
    }

    @Test
    void aBucketWhoseLastDrivingCandleIsMissingIsDeliveredWhenTheNextBucketStartsAndAnOpenOneNever() {
        List<Candle> gappy = new ArrayList<>(SERIES);
        gappy.remove(3);                      // 03:00 is missing: 00–04 can only be known closed at 04:00
        gappy.remove(gappy.size() - 1);       // 11:00 is missing: 08–12 never closes within the data
        HigherTrend strategy = new HigherTrend();
        run(gappy, strategy);

        int firstDelivery = strategy.log.indexOf("4h@2024-01-01T00:00:00Z");
        assertThat(strategy.log.get(firstDelivery - 1)).isEqualTo("1h@2024-01-01T02:00:00Z");
        assertThat(strategy.log.get(firstDelivery + 1)).isEqualTo("1h@2024-01-01T04:00:00Z");
        assertThat(strategy.log).doesNotContain("4h@2024-01-01T08:00:00Z");
    }
}

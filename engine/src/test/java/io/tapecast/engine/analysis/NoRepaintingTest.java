package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Aggregation;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.StructureEvent;
import io.tapecast.schemas.market.StructureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysers never change what they have emitted: the emissions for the first k candles are the same whether
 * the series stops there or goes on, for every analyser, and each event is stamped with the candle that made it
 * known.
 */
class NoRepaintingTest {

    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Candle> synthetic(Timeframe tf, Duration span) {
        return new SyntheticCandleSource().candles("BTC-USD", tf, FROM, FROM.plus(span));
    }

    private static List<List<Payload>> emissions(List<Candle> candles, int count) {
        MarketAnalyzer analyzer = new MarketAnalyzer("BTC-USD", Timeframe.M15, AnalysisSettings.defaults());
        List<List<Payload>> out = new ArrayList<>();
        for (Candle c : candles.subList(0, count)) {
            out.add(analyzer.onClosedCandle(c));
        }
        return out;
    }

    @Test
    void feedingMoreCandlesNeverChangesEarlierEmissions() {
        List<Candle> candles = synthetic(Timeframe.M15, Duration.ofDays(30));
        assertThat(candles).hasSizeGreaterThan(2_000);
        List<List<Payload>> full = emissions(candles, candles.size());
        for (int prefix : new int[]{1, 2, 3, 7, 13, 50, 333, 1_000, candles.size() - 1}) {
            assertThat(emissions(candles, prefix)).as("prefix " + prefix).isEqualTo(full.subList(0, prefix));
        }
    }

    @Test
    void everyEventIsStampedWithTheCandleThatMadeItKnownAndEveryKindOccurs() {
        List<Candle> candles = synthetic(Timeframe.M15, Duration.ofDays(30));
        List<List<Payload>> full = emissions(candles, candles.size());
        int lookback = AnalysisSettings.DEFAULT_SWING_LOOKBACK;
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < full.size(); i++) {
            Instant time = candles.get(i).time();
            List<Payload> events = full.get(i);
            assertThat(events.get(events.size() - 1)).isInstanceOf(ConfluenceEvent.class);
            for (Payload p : events) {
                if (p instanceof PatternEvent e) {
                    assertThat(e.time()).isEqualTo(time);
                    seen.add(e.pattern());
                } else if (p instanceof StructureEvent e) {
                    assertThat(e.time()).isEqualTo(time);
                    seen.add(e.kind());
                    if (e.kind() == StructureKind.SWING_HIGH || e.kind() == StructureKind.SWING_LOW) {
                        assertThat(e.referenceTime()).isEqualTo(candles.get(i - lookback).time());
                    }
                    if (e.kind() == StructureKind.FVG) {
                        assertThat(e.referenceTime()).isEqualTo(candles.get(i - 1).time());
                    }
                } else if (p instanceof ConfluenceEvent e) {
                    assertThat(e.time()).isEqualTo(time);
                }
            }
        }
        assertThat(seen).containsAll(EnumSet.allOf(StructureKind.class));
        assertThat(seen).hasSizeGreaterThan(StructureKind.values().length + 2);
    }

    /** 1m, 5m and 1h of one symbol; at each minute the candles closing then are fed coarsest first. */
    private static List<List<Payload>> multiTimeframe(List<Candle> minutes, List<Candle> fives, List<Candle> hours,
                                                      int steps) {
        SymbolAnalysis analysis = new SymbolAnalysis("BTC-USD", List.of(Timeframe.M1, Timeframe.M5, Timeframe.H1),
                AnalysisSettings.defaults());
        List<List<Payload>> out = new ArrayList<>();
        int five = 0;
        int hour = 0;
        for (Candle m : minutes.subList(0, steps)) {
            Instant close = m.time().plusSeconds(60);
            List<Payload> step = new ArrayList<>();
            if (hour < hours.size() && hours.get(hour).time().plusSeconds(3_600).equals(close)) {
                step.addAll(analysis.onClosedCandle(Timeframe.H1, hours.get(hour++)));
            }
            if (five < fives.size() && fives.get(five).time().plusSeconds(300).equals(close)) {
                step.addAll(analysis.onClosedCandle(Timeframe.M5, fives.get(five++)));
            }
            step.addAll(analysis.onClosedCandle(Timeframe.M1, m));
            out.add(step);
        }
        return out;
    }

    @Test
    void theMultiTimeframeAnalysisDoesNotRepaintEither() {
        List<Candle> minutes = synthetic(Timeframe.M1, Duration.ofDays(2));
        List<Candle> fives = Aggregation.aggregate(minutes, Timeframe.M5);
        List<Candle> hours = Aggregation.aggregate(minutes, Timeframe.H1);
        List<List<Payload>> full = multiTimeframe(minutes, fives, hours, minutes.size());
        for (int prefix : new int[]{59, 60, 61, 600, 1_441}) {
            assertThat(multiTimeframe(minutes, fives, hours, prefix)).as("prefix " + prefix)
                    .isEqualTo(full.subList(0, prefix));
        }
        // the 1m confluence sees the 5m and 1h trends, never a finer one
        ConfluenceEvent last = (ConfluenceEvent) full.get(full.size() - 1).get(full.get(full.size() - 1).size() - 1);
        assertThat(last.timeframe()).isEqualTo("1m");
        assertThat(last.trends().keySet()).containsExactly("1m", "5m", "1h");
    }
}

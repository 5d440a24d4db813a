package io.tapecast.feed;

import io.tapecast.engine.analysis.AnalysisSettings;
import io.tapecast.engine.analysis.MarketAnalyzer;
import io.tapecast.engine.analysis.SymbolAnalysis;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.RollingAggregator;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.feed.publish.MarketEventSink;
import io.tapecast.feed.source.MinuteCursor;
import io.tapecast.schemas.Payload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One symbol's live stream: each closed 1m candle goes out at once; every coarser candle goes out as it forms
 * ({@code closed: false}, at most once per throttle interval) and once when it closes ({@code closed: true}); the
 * analysis of each closed candle (patterns, structure, confluence) follows it, emitted at the moment it becomes
 * known. Not thread-safe: one feed thread drives it.
 */
final class SymbolFeed {

    private final String symbol;
    private final MinuteCursor cursor;
    private final RollingAggregator aggregator;
    private final SymbolAnalysis analysis;
    private final MarketEventSink sink;
    private final long throttleNanos;
    private final Map<Timeframe, Long> lastFormingSent = new EnumMap<>(Timeframe.class);

    SymbolFeed(String symbol, MinuteCursor cursor, List<Timeframe> targets, MarketEventSink sink, Duration formingThrottle) {
        this.symbol = symbol;
        this.cursor = cursor;
        this.aggregator = new RollingAggregator(Timeframe.M1, targets);
        List<Timeframe> all = new ArrayList<>(targets);
        all.add(0, Timeframe.M1);
        this.analysis = new SymbolAnalysis(symbol, all, AnalysisSettings.defaults());
        this.sink = sink;
        this.throttleNanos = formingThrottle.toNanos();
    }

    String symbol() {
        return symbol;
    }

    /** Feeds history to the aggregator and the analysers without publishing, so the live stream starts informed. */
    void warmUp(List<Candle> history) {
        for (Candle minute : history) {
            analyse(aggregator.accept(minute), false);
        }
    }

    /** Publishes the next minute; false when the source has no more candles. */
    boolean step(long nowNanos) {
        Optional<Candle> next = cursor.next();
        if (next.isEmpty()) {
            return false;
        }
        List<RollingAggregator.Update> updates = aggregator.accept(next.get());
        for (RollingAggregator.Update update : updates) {
            if (update.closed()) {
                sink.publish(symbol, MarketAnalyzer.candleEvent(symbol, update.timeframe(), update.candle(), true));
            } else {
                Long last = lastFormingSent.get(update.timeframe());
                if (last == null || nowNanos - last >= throttleNanos) {
                    sink.publish(symbol, MarketAnalyzer.candleEvent(symbol, update.timeframe(), update.candle(), false));
                    lastFormingSent.put(update.timeframe(), nowNanos);
                }
            }
        }
        analyse(updates, true);
        return true;
    }

    /** Coarser closed candles first: a finer timeframe's confluence then sees the coarser trend of this instant. */
    private void analyse(List<RollingAggregator.Update> updates, boolean publish) {
        for (int i = updates.size() - 1; i >= 0; i--) {
            RollingAggregator.Update update = updates.get(i);
            if (!update.closed()) {
                continue;
            }
            List<Payload> events = analysis.onClosedCandle(update.timeframe(), update.candle());
            if (publish) {
                events.forEach(event -> sink.publish(symbol, event));
            }
        }
    }
}

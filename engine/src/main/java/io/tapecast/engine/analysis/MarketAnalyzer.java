package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.StructureEvent;
import io.tapecast.schemas.market.Trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of one (symbol, timeframe) as market-data payloads: feed it each <em>closed</em> candle, in time
 * order, and publish what it returns. For each candle the list holds, in this order: the {@code pattern} events
 * (order of {@link CandlestickPatterns}), the {@code structure} events (swings, breaks, gap mitigations, a new gap)
 * and exactly one {@code confluence} event. Every event's {@code time} is the open time of the candle just fed.
 * <p>
 * Standalone, the confluence looks at this timeframe only; created by {@link SymbolAnalysis} it also takes the
 * latest trends of the symbol's coarser timeframes into account. Not thread-safe: one feeder thread per symbol.
 */
public final class MarketAnalyzer {

    private final String symbol;
    private final Timeframe timeframe;
    private final TimeframeAnalyzer analyzer;
    private final SymbolAnalysis owner;
    private ConfluenceEvent latestConfluence;

    /** A standalone analyser: its confluence considers its own timeframe only. */
    public MarketAnalyzer(String symbol, Timeframe timeframe, AnalysisSettings settings) {
        this(symbol, timeframe, settings, null);
    }

    MarketAnalyzer(String symbol, Timeframe timeframe, AnalysisSettings settings, SymbolAnalysis owner) {
        this.symbol = Symbols.requireValid(symbol);
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.analyzer = new TimeframeAnalyzer(Objects.requireNonNull(settings, "settings"));
        this.owner = owner;
    }

    /**
     * The events the closed {@code candle} makes known.
     *
     * @throws IllegalArgumentException if the candle does not open strictly after the previous one fed
     */
    public List<Payload> onClosedCandle(Candle candle) {
        CandleAnalysis analysis = analyzer.onCandle(candle);
        List<Payload> out = new ArrayList<>(analysis.patterns().size() + analysis.structure().size() + 1);
        String label = timeframe.label();
        for (PatternMatch p : analysis.patterns()) {
            out.add(new PatternEvent(symbol, label, p.time(), p.pattern(), p.direction(), p.strength(), p.candles(),
                    p.startTime()));
        }
        for (StructureSignal s : analysis.structure()) {
            out.add(toEvent(s));
        }
        Map<String, Trend> trends = owner == null ? Map.of(label, analyzer.trend()) : owner.trendsFrom(timeframe);
        ConfluenceScore score = Confluence.score(analyzer, trends);
        latestConfluence = new ConfluenceEvent(symbol, label, candle.time(), score.score(), score.bias(),
                score.bullishScore(), score.bearishScore(), score.components(), score.trends());
        out.add(latestConfluence);
        return out;
    }

    private StructureEvent toEvent(StructureSignal s) {
        return s.isGap()
                ? new StructureEvent(symbol, timeframe.label(), s.time(), s.kind(), s.direction(), null,
                s.referenceTime(), s.gapLow(), s.gapHigh(), s.trend())
                : new StructureEvent(symbol, timeframe.label(), s.time(), s.kind(), s.direction(), s.price(),
                s.referenceTime(), null, null, s.trend());
    }

    /** The wire form of a candle of this analyser's symbol and timeframe, forming or closed. */
    public CandleEvent candleEvent(Candle candle, boolean closed) {
        return candleEvent(symbol, timeframe, candle, closed);
    }

    /** The wire form of a candle. */
    public static CandleEvent candleEvent(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
        return new CandleEvent(symbol, timeframe.label(), candle.time(), candle.open(), candle.high(), candle.low(),
                candle.close(), candle.volume(), closed);
    }

    public String symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** The analysers' state (trend, swings, open gaps, RSI…). */
    public TimeframeAnalyzer state() {
        return analyzer;
    }

    /** The confluence event returned for the latest candle; empty before the first. */
    public Optional<ConfluenceEvent> latestConfluence() {
        return Optional.ofNullable(latestConfluence);
    }

    Trend trend() {
        return analyzer.trend();
    }
}

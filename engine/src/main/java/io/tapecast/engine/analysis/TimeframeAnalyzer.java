package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.WilderRsi;
import io.tapecast.schemas.market.Trend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * All analysers of one timeframe of one symbol, fed closed candles in time order: {@link CandlestickPatterns},
 * {@link MarketStructure}, {@link FairValueGaps} and a Wilder RSI. It also keeps what the confluence score needs:
 * the trend, the latest break (bos/choch), the patterns of the last {@code patternWindow} candles and the RSI.
 * Pure and single-threaded; strategies use it directly, the market feed through {@link MarketAnalyzer}.
 */
public final class TimeframeAnalyzer {

    private final AnalysisSettings settings;
    private final CandlestickPatterns patterns = new CandlestickPatterns();
    private final MarketStructure structure;
    private final FairValueGaps gaps;
    private final WilderRsi rsi;
    private final Deque<Recent> recentPatterns = new ArrayDeque<>();
    private StructureSignal latestBreak;
    private long candles;

    public TimeframeAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
        this.structure = new MarketStructure(settings.swingLookback());
        this.gaps = new FairValueGaps(settings.maxOpenGaps());
        this.rsi = new WilderRsi(settings.rsiPeriod());
    }

    /**
     * Feeds the next closed candle.
     *
     * @throws IllegalArgumentException if it does not open strictly after the previous one
     */
    public CandleAnalysis onCandle(Candle candle) {
        List<PatternMatch> found = patterns.onCandle(candle);
        List<StructureSignal> events = new ArrayList<>(structure.onCandle(candle));
        events.addAll(gaps.onCandle(candle, structure.trend()));
        rsi.add(candle.close());
        long index = candles++;
        while (!recentPatterns.isEmpty() && recentPatterns.peekFirst().index <= index - settings.patternWindow()) {
            recentPatterns.removeFirst();
        }
        for (PatternMatch match : found) {
            recentPatterns.addLast(new Recent(index, match));
        }
        for (StructureSignal event : events) {
            if (event.isBreak()) {
                latestBreak = event;
            }
        }
        return new CandleAnalysis(candle, found, events);
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /** How many candles have been fed. */
    public long candleCount() {
        return candles;
    }

    public Trend trend() {
        return structure.trend();
    }

    public MarketStructure structure() {
        return structure;
    }

    public List<FairValueGap> openGaps() {
        return gaps.openGaps();
    }

    /** The latest bos or choch, however old. */
    public Optional<StructureSignal> latestBreak() {
        return Optional.ofNullable(latestBreak);
    }

    /** Patterns completed by the last {@code patternWindow} candles (the latest included), oldest first. */
    public List<PatternMatch> recentPatterns() {
        return recentPatterns.stream().map(Recent::match).toList();
    }

    /** The RSI of the closes so far; NaN until it has {@code rsiPeriod} changes. */
    public double rsi() {
        return rsi.value();
    }

    private record Recent(long index, PatternMatch match) {
    }
}

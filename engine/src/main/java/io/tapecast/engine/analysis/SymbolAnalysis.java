package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.market.Trend;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The multi-timeframe analysis of one symbol: a {@link MarketAnalyzer} per timeframe whose confluence combines its
 * own state with the <em>latest</em> trends of every coarser timeframe of the symbol (finer timeframes are not
 * taken into account). Only closed candles count, so a coarser timeframe's trend is the one as of its last closed
 * candle: when a 1m and a 1h candle close at the same instant, feed the 1h candle first (as the backtest engine
 * delivers higher timeframes before the driving candle) to let the 1m confluence see it; the other order is just as
 * free of look-ahead, only one candle staler. Not thread-safe.
 */
public final class SymbolAnalysis {

    private final String symbol;
    private final Map<Timeframe, MarketAnalyzer> analyzers = new EnumMap<>(Timeframe.class);

    public SymbolAnalysis(String symbol, Collection<Timeframe> timeframes, AnalysisSettings settings) {
        this.symbol = Symbols.requireValid(symbol);
        Objects.requireNonNull(settings, "settings");
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeframe is needed");
        }
        for (Timeframe tf : timeframes) {
            analyzers.put(tf, new MarketAnalyzer(symbol, tf, settings, this));
        }
    }

    /**
     * The events the closed {@code candle} of {@code timeframe} makes known (see {@link MarketAnalyzer#onClosedCandle}).
     *
     * @throws IllegalArgumentException for a timeframe not analysed here, or a candle out of order
     */
    public List<Payload> onClosedCandle(Timeframe timeframe, Candle candle) {
        return analyzer(timeframe).onClosedCandle(candle);
    }

    public MarketAnalyzer analyzer(Timeframe timeframe) {
        MarketAnalyzer analyzer = analyzers.get(timeframe);
        if (analyzer == null) {
            throw new IllegalArgumentException(symbol + " is not analysed on " + timeframe.label() + "; timeframes: "
                    + analyzers.keySet().stream().map(Timeframe::label).toList());
        }
        return analyzer;
    }

    public String symbol() {
        return symbol;
    }

    public Set<Timeframe> timeframes() {
        return analyzers.keySet();
    }

    /** Label → latest trend of {@code timeframe} and every coarser analysed timeframe, finest first. */
    Map<String, Trend> trendsFrom(Timeframe timeframe) {
        Map<String, Trend> trends = new LinkedHashMap<>();
        for (Map.Entry<Timeframe, MarketAnalyzer> e : analyzers.entrySet()) {
            if (e.getKey().compareTo(timeframe) >= 0) {
                trends.put(e.getKey().label(), e.getValue().trend());
            }
        }
        return trends;
    }
}

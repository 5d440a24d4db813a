package io.tapecast.benchmarks;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.ParameterSpec;
import io.tapecast.engine.strategy.SmaCrossover;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.StartBacktest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's market: {@code count} consecutive 1m candles of the engine's deterministic synthetic
 * {@code BTC-USD}, generated once and held in memory, both as {@link Candle}s (for the engine, served by
 * {@link #source()} without copying) and as {@code double[]} opens and closes (for the bare loop). Generating
 * them is never part of a measurement.
 */
public final class BenchmarkData {

    /** The size of the benchmark run. */
    public static final int CANDLES = 1_000_000;
    public static final String SYMBOL = "BTC-USD";
    public static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    public static final String STRATEGY = SmaCrossover.ID;

    private final List<Candle> candles;
    private final double[] open;
    private final double[] close;

    private BenchmarkData(List<Candle> candles) {
        this.candles = List.copyOf(candles);
        this.open = new double[candles.size()];
        this.close = new double[candles.size()];
        for (int i = 0; i < candles.size(); i++) {
            open[i] = candles.get(i).open();
            close[i] = candles.get(i).close();
        }
    }

    /** {@code count} 1m candles from {@link #FROM}. */
    public static BenchmarkData generate(int count) {
        List<Candle> candles = new SyntheticCandleSource().candles(SYMBOL, Timeframe.M1, FROM, to(count));
        if (candles.size() != count) {
            throw new IllegalStateException("expected " + count + " candles, the synthetic source gave " + candles.size());
        }
        return new BenchmarkData(candles);
    }

    /** The end (exclusive) of a run over {@code count} 1m candles. */
    public static Instant to(int count) {
        return FROM.plus(Duration.ofMinutes(count));
    }

    public int size() {
        return candles.size();
    }

    public List<Candle> candles() {
        return candles;
    }

    public double[] open() {
        return open;
    }

    public double[] close() {
        return close;
    }

    /**
     * A candle source over the in-memory 1m candles: the requested range is located by binary search and
     * returned as is (or as a view), so serving a run costs O(log n) and nothing is generated or copied.
     */
    public CandleSource source() {
        return (symbol, timeframe, fromInclusive, toExclusive) -> {
            if (!SYMBOL.equals(symbol) || timeframe != Timeframe.M1) {
                return List.of();
            }
            int from = firstAtOrAfter(fromInclusive);
            int to = firstAtOrAfter(toExclusive);
            return from == 0 && to == candles.size() ? candles : candles.subList(from, to);
        };
    }

    /**
     * The start request a client would send for this data: {@value #STRATEGY} with its default parameters and
     * default engine options. Built from the wire JSON, as the worker receives it.
     */
    public StartBacktest request(String backtestId) {
        return request(backtestId, size(), Map.of());
    }

    /**
     * The same over the first {@code count} candles, with some engine options (wire names, e.g. {@code fee_bps})
     * changed from their defaults.
     */
    @SuppressWarnings("unchecked")
    public StartBacktest request(String backtestId, int count, Map<String, Object> optionOverrides) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("backtest_id", backtestId);
        json.put("name", "benchmark");
        json.put("symbol", SYMBOL);
        json.put("timeframes", List.of(Timeframe.M1.label()));
        json.put("start_date", FROM.toString());
        json.put("end_date", to(count).toString());
        json.put("strategy_ids", List.of(STRATEGY));
        if (!optionOverrides.isEmpty()) {
            Map<String, Object> options = new LinkedHashMap<>(
                    WireJson.mapper().convertValue(EngineOptions.defaults(), Map.class));
            options.putAll(optionOverrides);
            json.put("options", options);
        }
        return WireJson.mapper().convertValue(json, StartBacktest.class);
    }

    /** The default of one {@value #STRATEGY} parameter, from the catalog the engine uses. */
    public static int defaultParameter(String name) {
        ParameterSpec spec = StrategyCatalog.defaults().find(STRATEGY)
                .flatMap(d -> d.parameter(name))
                .orElseThrow(() -> new IllegalStateException(STRATEGY + " has no parameter " + name));
        return (int) spec.defaultValue();
    }

    private int firstAtOrAfter(Instant t) {
        int lo = 0;
        int hi = candles.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candles.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.StartBacktest;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to backtest. Strategy parameters hold overrides only (missing ones take the strategy's defaults) and
 * are checked against the catalog when the run starts, not here. {@code options} say how orders fill, what they
 * cost, how positions are sized and how the metrics are annualised (see {@link EngineOptions}).
 */
public record BacktestSpec(String symbol, List<Timeframe> timeframes, Instant from, Instant to,
                           List<String> strategyIds, Map<String, Map<String, Double>> strategyParams,
                           EngineOptions options) {

    /** Trading days per year for symbols that trade on weekdays only (stocks, ETFs). */
    public static final int TRADING_DAYS_PER_YEAR = 252;
    /** Days per year for pair symbols (BTC-USD, ETH/USDT), which trade around the clock every day. */
    public static final int CALENDAR_DAYS_PER_YEAR = 365;

    public BacktestSpec {
        Symbols.requireValid(symbol);
        Objects.requireNonNull(timeframes, "timeframes");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(strategyIds, "strategyIds");
        if (timeframes.isEmpty() || timeframes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("timeframes must be a non-empty list without nulls");
        }
        timeframes = List.copyOf(timeframes);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (strategyIds.isEmpty() || strategyIds.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("strategyIds must be a non-empty list without nulls");
        }
        strategyIds = List.copyOf(strategyIds);
        // Duplicates would run the same sub-portfolio twice and give two trades the same id.
        if (new HashSet<>(strategyIds).size() != strategyIds.size()) {
            throw new IllegalArgumentException("strategyIds must not repeat an id: " + strategyIds);
        }
        strategyParams = copyParams(strategyParams == null ? Map.of() : strategyParams, strategyIds);
        options = options == null ? EngineOptions.defaults() : options;
    }

    /** The default options with the given capital and fee: next-open fills, all-in fractional sizing, close at end. */
    public BacktestSpec(String symbol, List<Timeframe> timeframes, Instant from, Instant to, List<String> strategyIds,
                        Map<String, Map<String, Double>> strategyParams, double initialCapital, double feeBps) {
        this(symbol, timeframes, from, to, strategyIds, strategyParams, options(initialCapital, feeBps));
    }

    /** The command as the worker receives it; throws IllegalArgumentException for an unknown timeframe label. */
    public static BacktestSpec from(StartBacktest command) {
        return new BacktestSpec(command.symbol(), command.timeframes().stream().map(Timeframe::parse).toList(),
                command.startDate(), command.endDate(), command.strategyIds(), command.params(), command.options());
    }

    /** The same spec with other options. */
    public BacktestSpec withOptions(EngineOptions newOptions) {
        return new BacktestSpec(symbol, timeframes, from, to, strategyIds, strategyParams, newOptions);
    }

    public double initialCapital() {
        return options.initialCapital();
    }

    public double feeBps() {
        return options.feeBps();
    }

    /** The finest requested timeframe: its candles drive the loop. */
    public Timeframe drivingTimeframe() {
        return timeframes.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The requested timeframes coarser than the driving one, finest first, without repeats. */
    public List<Timeframe> higherTimeframes() {
        Timeframe driving = drivingTimeframe();
        return timeframes.stream().filter(tf -> tf != driving).distinct().sorted().toList();
    }

    /** The overrides for one strategy; empty when none were given. */
    public Map<String, Double> paramsFor(String strategyId) {
        return strategyParams.getOrDefault(strategyId, Map.of());
    }

    /**
     * Periods per year for annualising daily Sharpe and Sortino: {@code options.periodsPerYear} if set, else
     * {@value #CALENDAR_DAYS_PER_YEAR} for a pair symbol (one with a {@code -} or {@code /} separator, e.g. BTC-USD,
     * ETH/USDT — crypto pairs trade every day) and {@value #TRADING_DAYS_PER_YEAR} for a plain ticker (GOOG, AAPL).
     */
    public int periodsPerYear() {
        if (options.periodsPerYear() != null) {
            return options.periodsPerYear();
        }
        return symbol.indexOf('-') >= 0 || symbol.indexOf('/') >= 0 ? CALENDAR_DAYS_PER_YEAR : TRADING_DAYS_PER_YEAR;
    }

    private static EngineOptions options(double initialCapital, double feeBps) {
        if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
            throw new IllegalArgumentException("initialCapital must be a positive number");
        }
        if (!(feeBps >= 0) || feeBps >= 10_000) {
            throw new IllegalArgumentException("feeBps must be at least 0 and below 10000");
        }
        return EngineOptions.defaults().withInitialCapital(initialCapital).withFeeBps(feeBps);
    }

    private static Map<String, Map<String, Double>> copyParams(Map<String, Map<String, Double>> params,
                                                               List<String> strategyIds) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> e : params.entrySet()) {
            if (!strategyIds.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "strategyParams names '" + e.getKey() + "', which is not in strategyIds");
            }
            Map<String, Double> values = e.getValue() == null ? Map.of() : e.getValue();
            for (Map.Entry<String, Double> v : values.entrySet()) {
                if (v.getKey() == null || v.getValue() == null) {
                    throw new IllegalArgumentException(e.getKey() + "." + v.getKey() + " must be a number");
                }
            }
            copy.put(e.getKey(), Map.copyOf(values));
        }
        return Map.copyOf(copy);
    }
}

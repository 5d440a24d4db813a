package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a run: metrics of the whole portfolio and of each strategy's sub-portfolio (sorted by id), every
 * fill in execution order, the number of candles processed and the range they covered. A cancelled run holds the
 * figures at the candle where it stopped, open positions marked to market.
 */
public record BacktestResult(BacktestMetrics metrics, SortedMap<String, BacktestMetrics> strategyMetrics,
                             List<Fill> fills, int candles, Instant firstCandleTime, Instant lastCandleTime,
                             boolean cancelled) {

    public BacktestResult {
        Objects.requireNonNull(metrics, "metrics");
        strategyMetrics = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(strategyMetrics, "strategyMetrics")));
        fills = List.copyOf(Objects.requireNonNull(fills, "fills"));
        Objects.requireNonNull(firstCandleTime, "firstCandleTime");
        Objects.requireNonNull(lastCandleTime, "lastCandleTime");
        if (candles < 1 || lastCandleTime.isBefore(firstCandleTime)) {
            throw new IllegalArgumentException("a result covers at least one candle, in order");
        }
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;

import java.util.SortedMap;

/**
 * Computes the run's metrics so far, on demand — the same fields and definitions as the final ones, over the
 * candles processed until now, with open positions marked to market at the latest close (not closed). Each call
 * costs O(trades + days), so ask at a progress cadence, not every candle. Use it only on the thread running the
 * backtest (inside a listener callback).
 */
public interface MetricsProbe {

    /** The whole portfolio: all sub-portfolios together. */
    BacktestMetrics metricsSoFar();

    /** Each strategy's own sub-portfolio, sorted by strategy id. */
    SortedMap<String, BacktestMetrics> strategyMetricsSoFar();
}

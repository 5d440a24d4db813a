package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;

import java.time.Instant;

/**
 * Observes a run as it happens, on the thread that runs it. For each candle: the fills of that candle
 * ({@link #onFill}) come first, then {@link #onCandle} with the portfolio marked at the candle's close.
 */
public interface BacktestListener {

    /** A listener that ignores everything. */
    BacktestListener NONE = new BacktestListener() {
    };

    default void onStart(int totalCandles, Instant firstCandleTime) {
    }

    default void onFill(Fill fill) {
    }

    /** {@code processed} counts from 1 to {@code total}. */
    default void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
    }
}

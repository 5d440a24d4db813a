package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;

import java.time.Instant;

/**
 * Observes a run as it happens, on the thread that runs it. For each candle: the fills of that candle
 * ({@link #onFill}) come first, then {@link #onCandle} with the portfolio marked at the candle's close, then
 * {@link #cancelRequested()}. Everything has a default, so implement only what you need; the engine's per-candle
 * cost for a listener that ignores a callback is a call to an empty method.
 */
public interface BacktestListener {

    /** A listener that ignores everything. */
    BacktestListener NONE = new BacktestListener() {
    };

    /** Before the first candle. The default ignores it. */
    default void onStart(int totalCandles, Instant firstCandleTime) {
    }

    /**
     * Before the first candle, with a probe that computes the metrics so far whenever asked (during this run's
     * callbacks). The default calls {@link #onStart(int, Instant)}.
     */
    default void onStart(int totalCandles, Instant firstCandleTime, MetricsProbe probe) {
        onStart(totalCandles, firstCandleTime);
    }

    default void onFill(Fill fill) {
    }

    /**
     * After each candle; {@code processed} counts from 1 to {@code total}. {@code snapshot} is the engine's live
     * instance, valid during this call only (see {@link PortfolioSnapshot}).
     */
    default void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
    }

    /**
     * Asked after each candle's {@link #onCandle}. Once it returns true the engine stops: the result is marked
     * cancelled and holds the metrics so far, with open positions marked to market but not closed.
     */
    default boolean cancelRequested() {
        return false;
    }
}

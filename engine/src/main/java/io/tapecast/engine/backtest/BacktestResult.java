package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The outcome of a run: its metrics, every fill in execution order, and the candle range it covered. */
public record BacktestResult(BacktestMetrics metrics, List<Fill> fills, int candles, Instant firstCandleTime,
                             Instant lastCandleTime) {

    public BacktestResult {
        Objects.requireNonNull(metrics, "metrics");
        fills = List.copyOf(Objects.requireNonNull(fills, "fills"));
        Objects.requireNonNull(firstCandleTime, "firstCandleTime");
        Objects.requireNonNull(lastCandleTime, "lastCandleTime");
        if (candles < 1 || lastCandleTime.isBefore(firstCandleTime)) {
            throw new IllegalArgumentException("a result covers at least one candle, in order");
        }
    }
}

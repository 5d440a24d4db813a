package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last event of a run that was not failed: {@code status} is {@code completed}, or {@code cancelled} when a user
 * cancelled it (the figures are then those so far). {@code metrics} are the total over all strategies, {@code
 * strategies} each strategy's own sub-portfolio. {@code duration_ms} is the simulated time covered (first candle's
 * open to last processed candle's close) — not wall-clock time, so reruns are identical. {@code attempts} counts the
 * workers that started the run (more than 1 after a fail-over).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Complete(
        String status,
        double finalEquity,
        int totalTrades,
        BacktestMetrics metrics,
        Map<String, BacktestMetrics> strategies,
        long candles,
        long durationMs,
        int attempts) implements Payload {

    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    public Complete {
        Objects.requireNonNull(metrics, "metrics");
        if (!COMPLETED.equals(status) && !CANCELLED.equals(status)) {
            throw new IllegalArgumentException("status must be completed or cancelled");
        }
        if (totalTrades != metrics.tradeCount()) {
            throw new IllegalArgumentException("total_trades must equal metrics.trade_count");
        }
        strategies = strategies == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(strategies));
    }

    @Override
    public String eventType() {
        return EventTypes.COMPLETE;
    }
}

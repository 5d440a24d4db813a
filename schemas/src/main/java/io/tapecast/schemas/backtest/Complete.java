package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Objects;

/**
 * The last event of a successful run: the final metrics, trade and candle counts, and {@code duration_ms}, the
 * simulated time covered (first candle's open to last candle's close) — not wall-clock time, so reruns are identical.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Complete(BacktestMetrics metrics, int tradeCount, long candles, long durationMs) implements Payload {

    public Complete {
        Objects.requireNonNull(metrics, "metrics");
        if (tradeCount != metrics.tradeCount()) {
            throw new IllegalArgumentException("trade_count must equal metrics.trade_count");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.COMPLETE;
    }
}

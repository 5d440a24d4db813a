package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Objects;

/** The last event of a successful run: the final metrics, trade and candle counts, and the wall-clock duration. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Complete(BacktestMetrics metrics, int tradeCount, long candles, long durationMs) implements Payload {

    public Complete {
        Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public String eventType() {
        return EventTypes.COMPLETE;
    }
}

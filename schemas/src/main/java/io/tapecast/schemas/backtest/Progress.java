package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/** How far a run has got: candles processed of the total, the simulated clock and interim results. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Progress(
        long candlesProcessed,
        long candlesTotal,
        double percent,
        Instant simulatedTime,
        double equity,
        double pnl,
        int tradeCount,
        double winRate) implements Payload {

    public Progress {
        java.util.Objects.requireNonNull(simulatedTime, "simulatedTime");
        if (candlesProcessed < 0 || candlesTotal < 0 || candlesProcessed > candlesTotal) {
            throw new IllegalArgumentException("candles processed must lie within 0.." + candlesTotal);
        }
    }

    @Override
    public String eventType() {
        return EventTypes.PROGRESS;
    }
}

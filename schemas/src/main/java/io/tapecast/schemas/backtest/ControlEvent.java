package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * Tells viewers that a user paused, resumed or cancelled the run, and where it was: after {@code candles_processed}
 * candles, at simulated time {@code simulated_time}. A cancellation is followed by {@code complete} with status
 * {@code cancelled}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ControlEvent(String action, long candlesProcessed, Instant simulatedTime) implements Payload {

    public static final String PAUSED = "paused";
    public static final String RESUMED = "resumed";
    public static final String CANCELLED = "cancelled";

    public ControlEvent {
        if (!PAUSED.equals(action) && !RESUMED.equals(action) && !CANCELLED.equals(action)) {
            throw new IllegalArgumentException("action must be paused, resumed or cancelled");
        }
        Objects.requireNonNull(simulatedTime, "simulatedTime");
    }

    @Override
    public String eventType() {
        return EventTypes.CONTROL;
    }
}

package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/** A point of the mark-to-market equity curve; {@code drawdown} is the fall from the running peak, in percent (≤ 0). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EquityPoint(Instant time, double equity, double drawdown) implements Payload {

    public EquityPoint {
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String eventType() {
        return EventTypes.EQUITY;
    }
}

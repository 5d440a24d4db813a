package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Objects;

/** The last event of a run that could not proceed, e.g. {@code NO_CANDLES} when the date range holds no data. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BacktestError(String code, String message) implements Payload {

    public BacktestError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String eventType() {
        return EventTypes.ERROR;
    }
}

package io.tapecast.schemas.gateway;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Objects;

/** A gateway's answer to something a client sent that it could not act on; the session stays open unless a close follows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GatewayError(String code, String message) implements Payload {

    public GatewayError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String eventType() {
        return EventTypes.ERROR;
    }
}

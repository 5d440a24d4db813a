package io.tapecast.schemas.gateway;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;

/** The answer to a client's {@code {"type":"ping"}}; its data is an empty object. */
public record Pong() implements Payload {

    @Override
    public String eventType() {
        return EventTypes.PONG;
    }
}

package io.tapecast.schemas.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The first message of every session. {@code from_seq} is the seq the client said it already has
 * (0 when it wants everything); events follow from {@code from_seq + 1}. {@code status} is the run's
 * state when the session opened, {@code last_seq} the highest seq known to the gateway at that moment,
 * {@code attempts} the number of workers that have started the run so far.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Connected(String status, long fromSeq, long lastSeq, int attempts, String gateway) implements Payload {

    @Override
    public String eventType() {
        return EventTypes.CONNECTED;
    }
}

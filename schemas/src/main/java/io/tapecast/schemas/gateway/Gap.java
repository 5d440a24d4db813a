package io.tapecast.schemas.gateway;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Sent instead of silence when events a client asked for are no longer retained: it wanted seqs from
 * {@code requested_from_seq}, the earliest still available is {@code available_from_seq}, which follows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Gap(long requestedFromSeq, long availableFromSeq) implements Payload {

    @Override
    public String eventType() {
        return EventTypes.GAP;
    }
}

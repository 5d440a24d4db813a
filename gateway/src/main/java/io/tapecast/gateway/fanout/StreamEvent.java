package io.tapecast.gateway.fanout;

import io.tapecast.schemas.EventTypes;

/**
 * One event of a stream as it came from Kafka: seq and type from the record headers, and the record value,
 * forwarded to clients unchanged (never re-serialised).
 */
public record StreamEvent(String streamId, long seq, String type, byte[] value) {

    /** {@code complete} and {@code error} end a backtest stream; nothing follows them. */
    public boolean endsStream() {
        return EventTypes.COMPLETE.equals(type) || EventTypes.ERROR.equals(type);
    }
}

package io.tapecast.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * The one message shape of the platform: a Kafka record value and a WebSocket text frame are the same
 * bytes. {@code seq} is assigned by the stream's single writer, starts at 1 and grows by exactly 1;
 * gateway-made messages ({@code connected}, {@code pong}, {@code error}, {@code gap}) carry none.
 *
 * @param <T> the payload type; {@link tools.jackson.databind.JsonNode} when read generically
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"type", "timestamp", "stream", "stream_id", "seq", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(String type, Instant timestamp, StreamType stream, String streamId, Long seq, T data) {

    public Envelope {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    /** An event of a stream, written by the stream's single writer. */
    public static <P extends Payload> Envelope<P> event(StreamType stream, String streamId, long seq, Instant timestamp, P data) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(streamId, "streamId");
        return new Envelope<>(data.eventType(), timestamp, stream, streamId, seq, data);
    }

    /** A message made by a gateway for one session; it has no seq. */
    public static <P extends Payload> Envelope<P> gatewayMessage(StreamType stream, String streamId, Instant timestamp, P data) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(streamId, "streamId");
        return new Envelope<>(data.eventType(), timestamp, stream, streamId, null, data);
    }
}

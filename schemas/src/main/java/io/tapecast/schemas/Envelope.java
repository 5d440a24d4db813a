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
 * {@code schema_version} is the contract's major version ({@value #SCHEMA_VERSION}): within it every change is additive
 * (new optional fields, new message types), so a reader written against version N reads every message of version N;
 * a message without it is version 1.
 *
 * @param <T> the payload type; {@link tools.jackson.databind.JsonNode} when read generically
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"type", "timestamp", "stream", "stream_id", "seq", "schema_version", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(String type, Instant timestamp, StreamType stream, String streamId, Long seq, Integer schemaVersion,
                          T data) {

    /** The major version of the wire contract this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public Envelope {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        if (schemaVersion == null) {
            schemaVersion = SCHEMA_VERSION;
        } else if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema_version starts at 1, was " + schemaVersion);
        }
    }

    /** An envelope of the current schema version. */
    public Envelope(String type, Instant timestamp, StreamType stream, String streamId, Long seq, T data) {
        this(type, timestamp, stream, streamId, seq, SCHEMA_VERSION, data);
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

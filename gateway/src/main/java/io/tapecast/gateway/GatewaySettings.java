package io.tapecast.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of a gateway node, under {@code tapecast.gateway}.
 *
 * @param nodeId            this node's name in {@code connected} messages; defaults to host name and process id
 * @param indexLoadTimeout  how long start-up waits for the status index to load before failing
 * @param unknownStreamWait how long a session for an id the index does not know waits for the index to catch up
 * @param replayStartWait   how long a session waits for a queued run to publish seq 1
 * @param replayThreads     concurrent catch-up reads from Kafka on this node
 * @param outboxMessages    per-session outbox bound, in messages
 * @param outboxBytes       per-session outbox bound, in bytes
 * @param kafkaTimeout      timeout of synchronous Kafka calls (publishing a start request, offset look-ups)
 * @param pingInterval      how often the server sends a WebSocket ping to each session
 * @param pongTimeout       a session from which nothing was heard for this long (no pong, no frame, no send
 *                          completing) is closed with {@code 4410}
 * @param stallTimeout      how long a catch-up read waits for a client that stopped reading before closing it with
 *                          {@code 4408}
 * @param closeTimeout      how long writing a close frame to a client may take before the connection is dropped
 */
@ConfigurationProperties("tapecast.gateway")
public record GatewaySettings(
        String nodeId,
        @DefaultValue("60s") Duration indexLoadTimeout,
        @DefaultValue("5s") Duration unknownStreamWait,
        @DefaultValue("10m") Duration replayStartWait,
        @DefaultValue("8") int replayThreads,
        @DefaultValue("10000") int outboxMessages,
        @DefaultValue("16777216") long outboxBytes,
        @DefaultValue("15s") Duration kafkaTimeout,
        @DefaultValue("15s") Duration pingInterval,
        @DefaultValue("30s") Duration pongTimeout,
        @DefaultValue("30s") Duration stallTimeout,
        @DefaultValue("5s") Duration closeTimeout) {

    public GatewaySettings {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = "gateway-" + ProcessHandle.current().pid();
        }
        requirePositive(indexLoadTimeout, "index-load-timeout");
        requirePositive(unknownStreamWait, "unknown-stream-wait");
        requirePositive(replayStartWait, "replay-start-wait");
        requirePositive(kafkaTimeout, "kafka-timeout");
        requirePositive(pingInterval, "ping-interval");
        requirePositive(pongTimeout, "pong-timeout");
        requirePositive(stallTimeout, "stall-timeout");
        requirePositive(closeTimeout, "close-timeout");
        if (replayThreads < 1 || outboxMessages < 1 || outboxBytes < 1024) {
            throw new IllegalArgumentException("tapecast.gateway replay-threads, outbox-messages must be ≥ 1 and outbox-bytes ≥ 1024");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tapecast.gateway." + name + " must be positive");
        }
    }
}

package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.fanout.StreamHub;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.replay.ReplayService;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.gateway.Connected;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * {@code /api/ws/stream/backtest/{id}}: a {@code connected} message, then every event of the run from
 * {@code from_seq + 1} in seq order — history from Kafka, then the live tail — and a normal close after
 * {@code complete} or {@code error}. Client frames: {@code {"type":"ping"}} gets a {@code pong}; anything
 * else gets an {@code error} message and the session stays open.
 */
public final class BacktestStreamHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(BacktestStreamHandler.class);

    private final StatusIndex index;
    private final StreamHub hub;
    private final ReplayService replays;
    private final GatewaySettings settings;
    private final Clock clock;
    private final Map<String, OpenStream> open = new ConcurrentHashMap<>();

    public BacktestStreamHandler(StatusIndex index, StreamHub hub, ReplayService replays, GatewaySettings settings, Clock clock) {
        this.index = index;
        this.hub = hub;
        this.replays = replays;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        StreamRequest request;
        try {
            request = StreamRequest.parse(session.getUri());
        } catch (IllegalArgumentException e) {
            session.close(CloseCodes.of(CloseCodes.BAD_REQUEST, e.getMessage()));
            return;
        }
        Optional<BacktestStatus> status = lookUp(request.streamId());
        if (status.isEmpty()) {
            session.close(CloseCodes.of(CloseCodes.UNKNOWN_STREAM, "unknown backtest " + request.streamId()));
            return;
        }
        Outbox outbox = new Outbox(new JakartaTransport(session), settings.outboxMessages(), settings.outboxBytes());
        SessionStream stream = new SessionStream(request.fromSeq(), outbox);
        outbox.offer(frame(request.streamId(), new Connected(status.get().state().name(), request.fromSeq(),
                status.get().lastSeq(), settings.nodeId())));
        // Subscribe to the live tail before the catch-up fixes its end offset: nothing can fall between.
        hub.subscribe(request.streamId(), stream);
        ReplayService.Replay replay = replays.start(request.streamId(), stream);
        open.put(session.getId(), new OpenStream(request.streamId(), stream, outbox, replay));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        OpenStream stream = open.get(session.getId());
        if (stream == null) {
            return;
        }
        String type = null;
        try {
            JsonNode frame = WireJson.mapper().readTree(message.getPayload());
            if (frame != null && frame.isObject() && frame.path("type").isString()) {
                type = frame.path("type").asString();
            }
        } catch (JacksonException e) {
            stream.outbox().offer(frame(stream.streamId(), new GatewayError("BAD_FRAME", "frames must be JSON objects with a type")));
            return;
        }
        if (EventTypes.PING.equals(type)) {
            stream.outbox().offer(frame(stream.streamId(), new Pong()));
        } else {
            stream.outbox().offer(frame(stream.streamId(), new GatewayError(type == null ? "BAD_FRAME" : "UNSUPPORTED_TYPE",
                    type == null ? "frames must be JSON objects with a type" : "unsupported message type '" + type + "'; only ping is accepted")));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("transport error on session {}: {}", session.getId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        OpenStream stream = open.remove(session.getId());
        if (stream != null) {
            hub.unsubscribe(stream.streamId(), stream.stream());
            stream.replay().cancel();
            stream.outbox().discard();
        }
    }

    /** Closes every open session with "going away", so clients reconnect to another node with from_seq. */
    public void closeAll(CloseStatus status) {
        open.values().forEach(stream -> stream.outbox().closeNow(status));
    }

    public int openSessions() {
        return open.size();
    }

    Collection<OpenStream> openStreams() {
        return open.values();
    }

    private Optional<BacktestStatus> lookUp(String streamId) {
        Optional<BacktestStatus> status = index.find(streamId);
        if (status.isPresent()) {
            return status;
        }
        try {
            // The run may have been started through another node a moment ago.
            index.awaitCaughtUp(settings.unknownStreamWait());
        } catch (TimeoutException e) {
            log.warn("status index did not catch up within {}", settings.unknownStreamWait());
        }
        return index.find(streamId);
    }

    private String frame(String streamId, Payload payload) {
        return WireJson.mapper().writeValueAsString(
                Envelope.gatewayMessage(StreamType.BACKTEST, streamId, clock.instant(), payload));
    }

    record OpenStream(String streamId, SessionStream stream, Outbox outbox, ReplayService.Replay replay) {
    }
}

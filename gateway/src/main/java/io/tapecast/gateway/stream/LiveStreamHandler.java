package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the live (non-replayable) streams share — market data and live trading: sessions with a bounded outbox,
 * {@code ping}/{@code pong} and error answers to client frames, WebSocket heartbeats (4410 for silent peers), and
 * on shutdown a 1001 to every session before the web server stops.
 */
abstract class LiveStreamHandler<S extends LiveStreamHandler.LiveSession> extends TextWebSocketHandler implements SmartLifecycle {

    /** One client's session: its outbox and transport, and when it was last heard from. */
    abstract static class LiveSession implements Heartbeats.Peer {
        final String streamId;
        final Outbox outbox;
        final JakartaTransport transport;
        private final DeliveryStats stats;
        private volatile long lastHeardNanos = System.nanoTime();

        LiveSession(String streamId, Outbox outbox, JakartaTransport transport, DeliveryStats stats) {
            this.streamId = streamId;
            this.outbox = outbox;
            this.transport = transport;
            this.stats = stats;
        }

        void heard() {
            lastHeardNanos = System.nanoTime();
        }

        @Override
        public long lastHeardNanos() {
            return Math.max(lastHeardNanos, outbox.lastProgressNanos());
        }

        @Override
        public boolean idle() {
            return outbox.isIdle();
        }

        @Override
        public void ping() {
            transport.ping();
        }

        @Override
        public void closeUnresponsive() {
            if (!outbox.isClosed()) {
                stats.unresponsiveClosed();
                outbox.closeNow(CloseCodes.of(CloseCodes.UNRESPONSIVE, "no pong within the timeout: reconnect"));
            }
        }

        /** The stream's reader stopped for good. */
        void readerFailed(String reason) {
            outbox.closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
        }
    }

    final GatewaySettings settings;
    final Clock clock;
    final DeliveryStats stats;
    private final StreamType streamType;
    private final Map<String, S> open = new ConcurrentHashMap<>();
    private final ExecutorService closers;
    private final Heartbeats heartbeats;
    private volatile boolean draining;
    private volatile boolean running;

    LiveStreamHandler(StreamType streamType, GatewaySettings settings, Clock clock, DeliveryStats stats) {
        this.streamType = streamType;
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
        this.closers = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "ws-" + streamType.wireName() + "-close");
            t.setDaemon(true);
            return t;
        });
        this.heartbeats = new Heartbeats(open::values, settings.pingInterval(), settings.pongTimeout());
    }

    /** Opens the session's stream, or closes the socket with a documented code and returns null. */
    abstract S open(WebSocketSession session, Outbox outbox, JakartaTransport transport) throws IOException;

    abstract void closed(S session);

    @Override
    public final void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (draining) {
            session.close(CloseCodes.GOING_AWAY);
            return;
        }
        JakartaTransport transport = new JakartaTransport(session, closers, settings.closeTimeout());
        Outbox outbox = new Outbox(transport, settings.outboxMessages(), settings.outboxBytes(), stats);
        S opened = open(session, outbox, transport);
        if (opened != null) {
            open.put(session.getId(), opened);
        }
    }

    @Override
    protected final void handlePongMessage(WebSocketSession session, PongMessage message) {
        S live = open.get(session.getId());
        if (live != null) {
            live.heard();
        }
    }

    @Override
    protected final void handleTextMessage(WebSocketSession session, TextMessage message) {
        S live = open.get(session.getId());
        if (live == null) {
            return;
        }
        live.heard();
        String type = null;
        try {
            JsonNode frame = WireJson.mapper().readTree(message.getPayload());
            if (frame != null && frame.isObject() && frame.path("type").isString()) {
                type = frame.path("type").asString();
            }
        } catch (JacksonException e) {
            // answered below as a bad frame
        }
        if (EventTypes.PING.equals(type)) {
            live.outbox.offer(frame(live.streamId, new Pong()));
        } else {
            live.outbox.offer(frame(live.streamId, new GatewayError(type == null ? "BAD_FRAME" : "UNSUPPORTED_TYPE",
                    type == null ? "frames must be JSON objects with a type" : "unsupported message type '" + type + "'; only ping is accepted")));
        }
    }

    @Override
    public final void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        S live = open.remove(session.getId());
        if (live != null) {
            closed(live);
            live.outbox.discard();
        }
    }

    @Override
    public void start() {
        heartbeats.start();
        running = true;
    }

    /** Shutdown, ahead of the web server: refuses new sessions and closes the open ones with 1001. */
    @Override
    public void stop() {
        running = false;
        draining = true;
        heartbeats.close();
        open.values().forEach(live -> live.outbox.closeNow(CloseCodes.GOING_AWAY));
        closers.shutdown();
        try {
            if (!closers.awaitTermination(settings.closeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                closers.shutdownNow();
            }
        } catch (InterruptedException e) {
            closers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public int openSessions() {
        return open.size();
    }

    String frame(String streamId, Payload payload) {
        return WireJson.mapper().writeValueAsString(Envelope.gatewayMessage(streamType, streamId, clock.instant(), payload));
    }
}

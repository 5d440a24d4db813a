package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

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
        private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

        final String streamId;
        final String sessionId;
        final Outbox outbox;
        final JakartaTransport transport;
        private final DeliveryStats stats;
        private volatile long lastHeardNanos = System.nanoTime();

        LiveSession(String streamId, String sessionId, Outbox outbox, JakartaTransport transport, DeliveryStats stats) {
            this.streamId = streamId;
            this.sessionId = sessionId;
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
            if (outbox.isClosed()) {
                return;
            }
            stats.unresponsiveClosed();
            MDC.put("session_id", sessionId);
            MDC.put("stream_id", streamId);
            try {
                log.info("no pong or progress within the timeout; closing with {}", CloseCodes.UNRESPONSIVE);
            } finally {
                MDC.remove("session_id");
                MDC.remove("stream_id");
            }
            outbox.closeNow(CloseCodes.of(CloseCodes.UNRESPONSIVE, "no pong within the timeout: reconnect"));
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
        if (live != null) {
            live.heard();
            live.outbox.offer(frame(live.streamId, ClientFrames.answer(message.getPayload())));
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

package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.fanout.StreamHub;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.replay.ReplayService;
import io.tapecast.gateway.security.Caller;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.gateway.Connected;
import io.tapecast.schemas.gateway.Gap;
import io.tapecast.gateway.stats.DeliveryStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final DeliveryStats stats;
    private final ThreadPoolExecutor closers;
    private final Heartbeats heartbeats;
    private volatile boolean draining;

    public BacktestStreamHandler(StatusIndex index, StreamHub hub, ReplayService replays, GatewaySettings settings, Clock clock) {
        this(index, hub, replays, settings, clock, new DeliveryStats());
    }

    public BacktestStreamHandler(StatusIndex index, StreamHub hub, ReplayService replays, GatewaySettings settings, Clock clock,
                                 DeliveryStats stats) {
        this.index = index;
        this.hub = hub;
        this.replays = replays;
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
        AtomicInteger n = new AtomicInteger();
        this.closers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ws-close-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.closers.allowCoreThreadTimeOut(true);
        this.heartbeats = new Heartbeats(open::values, settings.pingInterval(), settings.pongTimeout());
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        MDC.put("session_id", session.getId());
        try {
            open(session);
        } finally {
            MDC.remove("session_id");
            MDC.remove("stream_id");
        }
    }

    private void open(WebSocketSession session) throws IOException {
        if (draining) {
            session.close(CloseCodes.GOING_AWAY);
            return;
        }
        StreamRequest request;
        try {
            request = StreamRequest.parse(session.getUri());
        } catch (IllegalArgumentException e) {
            session.close(CloseCodes.of(CloseCodes.BAD_REQUEST, e.getMessage()));
            return;
        }
        MDC.put("stream_id", request.streamId());
        Optional<BacktestStatus> status = lookUp(request.streamId());
        if (status.isEmpty()) {
            log.debug("unknown stream; closing with 4404");
            session.close(CloseCodes.of(CloseCodes.UNKNOWN_STREAM, "unknown backtest " + request.streamId()));
            return;
        }
        // Only the run's owner (the subject that started it) or an admin may stream or replay it.
        Caller caller = Caller.of(session);
        if (caller == null || !caller.mayAccessRunOf(status.get().request().owner())) {
            log.info("session refused: backtest belongs to another user; closing with {}", CloseCodes.FORBIDDEN);
            session.close(CloseCodes.of(CloseCodes.FORBIDDEN, "backtest " + request.streamId() + " belongs to another user"));
            return;
        }
        JakartaTransport transport = new JakartaTransport(session, closers, settings.closeTimeout());
        Outbox outbox = new Outbox(transport, settings.outboxMessages(), settings.outboxBytes(), stats);
        String streamId = request.streamId();
        SessionStream stream = new SessionStream(request.fromSeq(), outbox,
                (requested, available) -> {
                    stats.gapSent();
                    return frame(streamId, new Gap(requested, available));
                },
                settings.stallTimeout(), settings.outboxMessages());
        outbox.offer(frame(streamId, new Connected(status.get().state().name(), request.fromSeq(),
                status.get().lastSeq(), status.get().attempt(), settings.nodeId())));
        OpenStream opened = new OpenStream(streamId, session.getId(), stream, outbox, transport);
        open.put(session.getId(), opened);
        // Subscribe to the live tail before the catch-up fixes its end offset: nothing can fall between.
        hub.subscribe(streamId, stream);
        opened.replay = replays.start(streamId, session.getId(), stream);
        if (!open.containsKey(session.getId())) {
            opened.replay.cancel(); // closed while opening
        }
        log.info("session opened from_seq={} status={}", request.fromSeq(), status.get().state());
        if (draining) {
            // shutdown began while this session was opening: it must not be left behind
            outbox.closeNow(CloseCodes.GOING_AWAY);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        OpenStream stream = open.get(session.getId());
        if (stream != null) {
            stream.heard();
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        OpenStream stream = open.get(session.getId());
        if (stream != null) {
            stream.heard();
            stream.outbox().offer(frame(stream.streamId(), ClientFrames.answer(message.getPayload())));
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
            if (stream.replay != null) {
                stream.replay.cancel();
            }
            stream.outbox().discard();
            MDC.put("session_id", stream.sessionId());
            MDC.put("stream_id", stream.streamId());
            try {
                log.info("session closed code={} last_seq={} sent={}", status.getCode(), stream.stream().lastSeq(),
                        stream.outbox().sentMessages());
            } finally {
                MDC.remove("session_id");
                MDC.remove("stream_id");
            }
        }
    }

    /** Starts pinging sessions. */
    public void startHeartbeats() {
        heartbeats.start();
    }

    /**
     * Shutdown: refuses new sessions and closes every open one with 1001 "going away", so clients reconnect to
     * another node with from_seq; returns once the close frames are written (or {@code close-timeout} passed).
     */
    public void drain() {
        draining = true;
        heartbeats.close();
        int sessions = open.size();
        open.values().forEach(stream -> stream.outbox().closeNow(CloseCodes.GOING_AWAY));
        closers.shutdown();
        try {
            if (!closers.awaitTermination(settings.closeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                closers.shutdownNow();
            }
        } catch (InterruptedException e) {
            closers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (sessions > 0) {
            log.info("closed {} sessions with 1001 going away", sessions);
        }
    }

    /** Closes every open session with the given status. */
    public void closeAll(CloseStatus status) {
        open.values().forEach(stream -> stream.outbox().closeNow(status));
    }

    public boolean isDraining() {
        return draining;
    }

    public int openSessions() {
        return open.size();
    }

    /** Open sessions by stream id. */
    public Map<String, Integer> sessionsPerStream() {
        Map<String, Integer> counts = new TreeMap<>();
        open.values().forEach(stream -> counts.merge(stream.streamId(), 1, Integer::sum));
        return counts;
    }

    public DeliveryStats stats() {
        return stats;
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

    /** A session of this node, as the heartbeat sees it. */
    /** One backtest session: its stream hand-off and catch-up, on the shared session basics. */
    final class OpenStream extends LiveStreamHandler.LiveSession {
        private final SessionStream stream;
        private volatile ReplayService.Replay replay;

        OpenStream(String streamId, String sessionId, SessionStream stream, Outbox outbox, JakartaTransport transport) {
            super(streamId, sessionId, outbox, transport, stats);
            this.stream = stream;
        }

        String streamId() {
            return streamId;
        }

        String sessionId() {
            return sessionId;
        }

        SessionStream stream() {
            return stream;
        }

        Outbox outbox() {
            return outbox;
        }
    }
}

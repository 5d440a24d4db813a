package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.market.MarketEvent;
import io.tapecast.gateway.market.MarketHub;
import io.tapecast.gateway.market.MarketSubscriber;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.gateway.Connected;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/ws/stream/market-data/{symbol}?timeframes=…&types=…}: a {@code connected} message, then a snapshot
 * (the latest candle, structure and confluence of each timeframe, as stored in Kafka, oldest first) so the screen
 * fills at once, then live events. Market data is not lossless: a client that cannot keep up gets the latest candle
 * of each timeframe instead of every step (conflation, counted in {@code /api/ws/stats}); it is not disconnected for
 * being slow.
 */
public final class MarketStreamHandler extends TextWebSocketHandler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketStreamHandler.class);

    private final MarketHub hub;
    private final GatewaySettings settings;
    private final Clock clock;
    private final DeliveryStats stats;
    private final Map<String, MarketSession> open = new ConcurrentHashMap<>();
    private final ExecutorService closers = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "ws-market-close");
        t.setDaemon(true);
        return t;
    });
    private final Heartbeats heartbeats;
    private volatile boolean draining;
    private volatile boolean running;

    public MarketStreamHandler(MarketHub hub, GatewaySettings settings, Clock clock, DeliveryStats stats) {
        this.hub = hub;
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
        this.heartbeats = new Heartbeats(open::values, settings.pingInterval(), settings.pongTimeout());
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (draining) {
            session.close(CloseCodes.GOING_AWAY);
            return;
        }
        MarketRequest request;
        try {
            request = MarketRequest.parse(session.getUri());
        } catch (IllegalArgumentException e) {
            session.close(CloseCodes.of(CloseCodes.BAD_REQUEST, e.getMessage()));
            return;
        }
        JakartaTransport transport = new JakartaTransport(session, closers, settings.closeTimeout());
        Outbox outbox = new Outbox(transport, settings.outboxMessages(), settings.outboxBytes(), stats);
        MarketSession market = new MarketSession(request, outbox, transport);
        open.put(session.getId(), market);
        List<MarketEvent> snapshot = hub.subscribe(request.symbol(), market);
        long lastSeq = snapshot.isEmpty() ? 0 : snapshot.get(snapshot.size() - 1).seq();
        outbox.offer(frame(request.symbol(), new Connected("live", 0, lastSeq, 0, settings.nodeId())));
        market.start(snapshot);
        log.info("market session {} opened for {} (snapshot {} events)", session.getId(), request.symbol(), snapshot.size());
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        MarketSession market = open.get(session.getId());
        if (market != null) {
            market.heard();
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        MarketSession market = open.get(session.getId());
        if (market == null) {
            return;
        }
        market.heard();
        String type = null;
        try {
            JsonNode frame = WireJson.mapper().readTree(message.getPayload());
            if (frame != null && frame.isObject() && frame.path("type").isString()) {
                type = frame.path("type").asString();
            }
        } catch (JacksonException e) {
            // answered below as a bad frame
        }
        String symbol = market.request.symbol();
        if (EventTypes.PING.equals(type)) {
            market.outbox.offer(frame(symbol, new Pong()));
        } else {
            market.outbox.offer(frame(symbol, new GatewayError(type == null ? "BAD_FRAME" : "UNSUPPORTED_TYPE",
                    type == null ? "frames must be JSON objects with a type" : "unsupported message type '" + type + "'; only ping is accepted")));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        MarketSession market = open.remove(session.getId());
        if (market != null) {
            hub.unsubscribe(market.request.symbol(), market);
            market.outbox.discard();
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
        drain();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void drain() {
        draining = true;
        heartbeats.close();
        open.values().forEach(market -> market.outbox.closeNow(CloseCodes.GOING_AWAY));
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

    public int openSessions() {
        return open.size();
    }

    private String frame(String symbol, Payload payload) {
        return WireJson.mapper().writeValueAsString(Envelope.gatewayMessage(StreamType.MARKET_DATA, symbol, clock.instant(), payload));
    }

    /** One client's market stream: filters, and live events held back until its snapshot is queued. */
    private final class MarketSession implements MarketSubscriber, Heartbeats.Peer {
        private final MarketRequest request;
        private final Outbox outbox;
        private final JakartaTransport transport;
        private final List<MarketEvent> early = new ArrayList<>();
        private boolean started;
        private volatile long lastHeardNanos = System.nanoTime();

        MarketSession(MarketRequest request, Outbox outbox, JakartaTransport transport) {
            this.request = request;
            this.outbox = outbox;
            this.transport = transport;
        }

        synchronized void start(List<MarketEvent> snapshot) {
            snapshot.forEach(this::deliver);
            early.forEach(this::deliver);
            early.clear();
            started = true;
        }

        @Override
        public synchronized void onMarket(MarketEvent event) {
            if (!started) {
                early.add(event);
                return;
            }
            deliver(event);
        }

        private void deliver(MarketEvent event) {
            if (!request.wants(event.type(), event.timeframe())) {
                return;
            }
            String key = event.conflationKey();
            if (key != null) {
                outbox.offerConflated(event.value(), key);
            } else {
                outbox.offer(event.value());
            }
        }

        @Override
        public void onReaderFailed(String reason) {
            outbox.closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
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
    }
}

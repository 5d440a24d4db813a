package io.tapecast.gateway.stream;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.market.MarketEvent;
import io.tapecast.gateway.market.MarketHub;
import io.tapecast.gateway.market.MarketSubscriber;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.gateway.Connected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/ws/stream/market-data/{symbol}?timeframes=…&types=…}: a {@code connected} message, then a snapshot
 * (the latest candle, structure and confluence of each timeframe, as stored in Kafka, oldest first) so the screen
 * fills at once, then live events. Market data is not lossless: a client that falls behind gets the latest candle
 * of each timeframe instead of every step (conflation, counted in {@code /api/ws/stats}); it is not disconnected for
 * being slow.
 */
public final class MarketStreamHandler extends LiveStreamHandler<MarketStreamHandler.MarketSession> {

    private static final Logger log = LoggerFactory.getLogger(MarketStreamHandler.class);

    private final MarketHub hub;

    public MarketStreamHandler(MarketHub hub, GatewaySettings settings, Clock clock, DeliveryStats stats) {
        super(StreamType.MARKET_DATA, settings, clock, stats);
        this.hub = hub;
    }

    @Override
    MarketSession open(WebSocketSession session, Outbox outbox, JakartaTransport transport) throws IOException {
        MarketRequest request;
        try {
            request = MarketRequest.parse(session.getUri());
        } catch (IllegalArgumentException e) {
            session.close(CloseCodes.of(CloseCodes.BAD_REQUEST, e.getMessage()));
            return null;
        }
        MarketSession market = new MarketSession(request, session.getId(), outbox, transport, stats);
        List<MarketEvent> snapshot = hub.subscribe(request.symbol(), market);
        long lastSeq = snapshot.isEmpty() ? 0 : snapshot.get(snapshot.size() - 1).seq();
        outbox.offer(frame(request.symbol(), new Connected("live", 0, lastSeq, 0, settings.nodeId())));
        market.start(snapshot);
        log.info("market session {} opened for {} (snapshot {} events)", session.getId(), request.symbol(), snapshot.size());
        return market;
    }

    @Override
    void closed(MarketSession market) {
        hub.unsubscribe(market.request.symbol(), market);
    }

    /** One client's market stream: filters, and live events held back until its snapshot is queued. */
    static final class MarketSession extends LiveStreamHandler.LiveSession implements MarketSubscriber {
        private final MarketRequest request;
        private final List<MarketEvent> early = new ArrayList<>();
        private boolean started;

        MarketSession(MarketRequest request, String sessionId, Outbox outbox, JakartaTransport transport, DeliveryStats stats) {
            super(request.symbol(), sessionId, outbox, transport, stats);
            this.request = request;
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
            readerFailed(reason);
        }
    }
}

package io.tapecast.gateway.stream;

import io.tapecast.engine.market.Symbols;
import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.gateway.security.Caller;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.gateway.trading.TradingEvent;
import io.tapecast.gateway.trading.TradingHub;
import io.tapecast.gateway.trading.TradingSubscriber;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.gateway.Connected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /api/ws/stream/live-trading?symbols=BTC-USD,ETH-USD}: a {@code connected} message, a snapshot (each
 * account's latest positions, {@code pnl} and {@code risk}), then live {@code order}, {@code position}, {@code pnl}
 * and {@code risk} events: symbol-level events of the listed symbols (all symbols when none are listed) and every
 * account-level event, of the accounts the caller may see (bound to the user by {@code tapecast.security.accounts.*};
 * all for an admin or with security off). Each account is its own stream ({@code stream_id} = account id, its own
 * seq).
 */
public final class TradingStreamHandler extends LiveStreamHandler<TradingStreamHandler.TradingSession> {

    private static final Logger log = LoggerFactory.getLogger(TradingStreamHandler.class);
    /** The connected message of a session that spans accounts names no single stream. */
    private static final String ALL_ACCOUNTS = "*";

    private final TradingHub hub;
    private final AccessPolicy policy;

    public TradingStreamHandler(TradingHub hub, AccessPolicy policy, GatewaySettings settings, Clock clock, DeliveryStats stats) {
        super(StreamType.LIVE_TRADING, settings, clock, stats);
        this.hub = hub;
        this.policy = policy;
    }

    @Override
    TradingSession open(WebSocketSession session, Outbox outbox, JakartaTransport transport) throws IOException {
        Set<String> symbols;
        try {
            symbols = symbols(session);
        } catch (IllegalArgumentException e) {
            session.close(CloseCodes.of(CloseCodes.BAD_REQUEST, e.getMessage()));
            return null;
        }
        Caller caller = Caller.of(session);
        if (caller == null) {
            session.close(CloseCodes.of(CloseCodes.FORBIDDEN, "not authenticated"));
            return null;
        }
        // With security on, a user sees only the accounts bound to them (an admin, or security off: all).
        Predicate<String> visible = account -> policy.mayUseAccount(caller, account);
        if (!caller.unrestricted() && !caller.admin() && policy.accountsOf(caller).isEmpty()) {
            session.close(CloseCodes.of(CloseCodes.FORBIDDEN, "no live-trading account is bound to this user"));
            return null;
        }
        TradingSession trading = new TradingSession(symbols, visible, session.getId(), outbox, transport, stats);
        List<TradingEvent> snapshot = hub.subscribe(trading);
        outbox.offer(frame(ALL_ACCOUNTS, new Connected("live", 0, 0, 0, settings.nodeId())));
        trading.start(snapshot);
        log.info("live-trading session {} opened for symbols {} (snapshot {} events)", session.getId(),
                symbols.isEmpty() ? "all" : symbols, snapshot.size());
        return trading;
    }

    @Override
    void closed(TradingSession trading) {
        hub.unsubscribe(trading);
    }

    private static Set<String> symbols(WebSocketSession session) {
        String value = UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("symbols");
        Set<String> symbols = new LinkedHashSet<>();
        if (value != null && !value.isBlank()) {
            for (String symbol : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                String upper = symbol.toUpperCase(Locale.ROOT);
                if (!Symbols.isValid(upper)) {
                    throw new IllegalArgumentException("symbol '" + symbol + "' must look like BTC-USD or AAPL");
                }
                symbols.add(upper);
            }
        }
        return Set.copyOf(symbols);
    }

    /** One client's live-trading view: the symbol filter, and live events held back until its snapshot is queued. */
    static final class TradingSession extends LiveStreamHandler.LiveSession implements TradingSubscriber {
        private final Set<String> symbols;
        private final Predicate<String> visible;
        private final Map<String, Boolean> visibleAccounts = new HashMap<>();
        private final List<TradingEvent> early = new ArrayList<>();
        private boolean started;

        TradingSession(Set<String> symbols, Predicate<String> visible, String sessionId, Outbox outbox, JakartaTransport transport,
                       DeliveryStats stats) {
            super(ALL_ACCOUNTS, sessionId, outbox, transport, stats);
            this.symbols = symbols;
            this.visible = visible;
        }

        synchronized void start(List<TradingEvent> snapshot) {
            snapshot.forEach(this::deliver);
            early.forEach(this::deliver);
            early.clear();
            started = true;
        }

        @Override
        public synchronized void onTrading(TradingEvent event) {
            if (!started) {
                early.add(event);
                return;
            }
            deliver(event);
        }

        // Lossless like backtests: an overflowing outbox closes the session with 4408.
        private void deliver(TradingEvent event) {
            if (!visibleAccounts.computeIfAbsent(event.account(), visible::test)) {
                return;
            }
            if (event.accountLevel() || symbols.isEmpty() || symbols.contains(event.symbol())) {
                outbox.offer(event.value());
            }
        }

        @Override
        public void onReaderFailed(String reason) {
            readerFailed(reason);
        }
    }
}

package io.tapecast.gateway.security;

import io.tapecast.gateway.stream.CloseCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node-wide state of WebSocket admission: connections per user and per address, and the timers that close a
 * session when its token expires. One per node; every endpoint's handler is wrapped in a {@link GuardedHandler}
 * that consults it.
 */
public final class WebSocketGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketGuard.class);

    private final LimitSettings limits;
    private final SecurityCounters counters;
    private final ConnectionCounter perUser;
    private final ConnectionCounter perAddress;
    private final ScheduledThreadPoolExecutor timers;
    private final ThreadPoolExecutor closers;
    private final Clock clock;

    public WebSocketGuard(LimitSettings limits, SecurityCounters counters, Clock clock) {
        this.limits = limits;
        this.counters = counters;
        this.clock = clock;
        this.perUser = new ConnectionCounter(limits.connectionsPerUser());
        this.perAddress = new ConnectionCounter(limits.connectionsPerIp());
        AtomicInteger n = new AtomicInteger();
        this.timers = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "ws-token-expiry"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.closers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "ws-guard-close-" + n.incrementAndGet()));
        this.closers.allowCoreThreadTimeOut(true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    LimitSettings limits() {
        return limits;
    }

    /** Admits a new session, or says why not (a close status). */
    CloseStatus admit(Caller caller) {
        String address = caller.address() == null ? "?" : caller.address();
        if (!perAddress.tryAcquire(address)) {
            counters.limited();
            return CloseCodes.of(CloseCodes.TOO_MANY, "too many connections from this address (tapecast.limits.connections-per-ip)");
        }
        if (caller.subject() != null && !perUser.tryAcquire(caller.subject())) {
            perAddress.release(address);
            counters.limited();
            return CloseCodes.of(CloseCodes.TOO_MANY, "too many connections for this user (tapecast.limits.connections-per-user)");
        }
        return null;
    }

    void release(Caller caller) {
        perAddress.release(caller.address() == null ? "?" : caller.address());
        if (caller.subject() != null) {
            perUser.release(caller.subject());
        }
    }

    /** Closes the session with 4401 when the token expires; the returned timer is cancelled when the session ends. */
    ScheduledFuture<?> closeWhenExpired(WebSocketSession session, Instant expiresAt) {
        long delay = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
        return timers.schedule(() -> {
            counters.expiredClose();
            log.info("token of session {} expired; closing with {}", session.getId(), CloseCodes.TOKEN_EXPIRED);
            closeLater(session, CloseCodes.of(CloseCodes.TOKEN_EXPIRED, "token expired: reconnect with a fresh token"));
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Closes off the calling thread: a close frame may wait behind a frame in flight to a slow client. */
    void closeLater(WebSocketSession session, CloseStatus status) {
        try {
            closers.execute(() -> closeNow(session, status));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closeNow(session, status);
        }
    }

    static void closeNow(WebSocketSession session, CloseStatus status) {
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing session {} failed: {}", session.getId(), e.getMessage());
        }
    }

    /** Open sessions counted for this address (tests and stats). */
    public int connectionsFrom(String address) {
        return perAddress.count(address);
    }

    public int connectionsOf(String subject) {
        return perUser.count(subject);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        closers.shutdown();
    }
}

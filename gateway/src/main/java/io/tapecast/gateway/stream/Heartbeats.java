package io.tapecast.gateway.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every {@code ping-interval}, sends a WebSocket ping to each session whose outbox is idle, and closes with
 * {@link CloseCodes#UNRESPONSIVE} every session from which nothing was heard for {@code pong-timeout}: no pong,
 * no client frame, and no send completing. A client that receives data keeps completing sends, so a busy
 * stream needs no ping to stay open; a client that stopped reading stops completing sends and is closed.
 * Pings are sent on their own small pool: a ping may wait behind a frame in flight, never on a reader thread.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    /** What the heartbeat needs of a session. */
    interface Peer {
        /** Nanos (System.nanoTime) when the peer was last heard from or last accepted data. */
        long lastHeardNanos();

        boolean idle();

        /** Sends a ping; may block briefly (bounded by the container's send timeout). */
        void ping();

        void closeUnresponsive();
    }

    private final Supplier<Collection<? extends Peer>> peers;
    private final Duration interval;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final ExecutorService pingers;

    Heartbeats(Supplier<Collection<? extends Peer>> peers, Duration interval, Duration timeout) {
        this.peers = peers;
        this.interval = interval;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ws-heartbeat"));
        AtomicInteger n = new AtomicInteger();
        this.pingers = Executors.newFixedThreadPool(2, r -> daemon(r, "ws-ping-" + n.incrementAndGet()));
    }

    void start() {
        long period = Math.max(1, Math.min(interval.toMillis(), timeout.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private long lastPingRound = System.nanoTime();

    void beat() {
        try {
            long now = System.nanoTime();
            boolean pingRound = now - lastPingRound >= interval.toNanos() - TimeUnit.MILLISECONDS.toNanos(5);
            if (pingRound) {
                lastPingRound = now;
            }
            for (Peer peer : peers.get()) {
                if (now - peer.lastHeardNanos() > timeout.toNanos()) {
                    peer.closeUnresponsive();
                } else if (pingRound && peer.idle()) {
                    pingers.execute(peer::ping);
                }
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat round failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pingers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

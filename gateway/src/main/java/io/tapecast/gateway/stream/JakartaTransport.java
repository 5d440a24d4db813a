package io.tapecast.gateway.stream;

import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends through the container's asynchronous API, so a slow client holds no thread. Closing writes a close frame,
 * which waits behind a frame in flight to a client that stopped reading: closes therefore run on the handler's
 * closer pool (never on the live reader's thread), and each blocking write is bounded by {@code close-timeout},
 * after which the container drops the connection.
 */
final class JakartaTransport implements Transport {

    /** Shared by every session of the node: one async send in flight per session, so order is kept per session. */
    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), new ThreadFactory() {
                private final AtomicInteger n = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "ws-send-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });

    private static final Logger log = LoggerFactory.getLogger(JakartaTransport.class);
    /** Tomcat's per-session bound on blocking writes (close and ping frames), in milliseconds. */
    static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /** Tomcat's bound on writing a close frame with any code but 1000: 50 ms by default, too short for a busy socket. */
    static final String TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT = "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[]{'t', 'c'}).asReadOnlyBuffer();

    private final WebSocketSession session;
    private final Session nativeSession;
    private final Executor closer;

    JakartaTransport(WebSocketSession session, Executor closer, Duration closeTimeout) {
        this.session = session;
        this.closer = closer;
        if (!(session instanceof NativeWebSocketSession nativeHolder)
                || nativeHolder.getNativeSession(Session.class) == null) {
            throw new IllegalStateException("a Jakarta WebSocket container is required");
        }
        this.nativeSession = nativeHolder.getNativeSession(Session.class);
        this.nativeSession.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, closeTimeout.toMillis());
        this.nativeSession.getUserProperties().put(TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT, closeTimeout.toMillis());
    }

    @Override
    public void sendAsync(String text, Consumer<Throwable> done) {
        // The container writes the first bytes of an async send on the calling thread; hand the send to the
        // sender pool so a reader fanning one event out to thousands of sessions only enqueues.
        try {
            SENDERS.execute(() -> sendNext(text, done));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void sendNext(String text, Consumer<Throwable> done) {
        try {
            nativeSession.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    /** Sends a WebSocket ping; blocks at most {@code close-timeout} (call it off any reader thread). */
    void ping() {
        try {
            if (nativeSession.isOpen()) {
                nativeSession.getAsyncRemote().sendPing(PING.duplicate());
            }
        } catch (IOException | RuntimeException e) {
            log.debug("ping to session {} failed: {}", session.getId(), e.getMessage());
        }
    }

    @Override
    public void close(CloseStatus status) {
        try {
            closer.execute(() -> closeNow(status));
        } catch (RejectedExecutionException e) {
            closeNow(status);
        }
    }

    void closeNow(CloseStatus status) {
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing session {} failed: {}", session.getId(), e.getMessage());
        }
    }
}

package io.tapecast.gateway.security;

import io.tapecast.gateway.stream.CloseCodes;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Wraps every WebSocket endpoint's handler: admits a session only within the per-user and per-address connection
 * limits (else close 4429), closes it when its token expires (4401), and closes a session that sends more than
 * {@code messages-per-connection-per-second} (4429). Offers the {@code bearer} subprotocol, so a browser that sent its
 * token as {@code Sec-WebSocket-Protocol: bearer, <token>} gets {@code bearer} echoed back.
 *
 * <p>Deliberately not a {@code WebSocketHandlerDecorator}: Spring unwraps decorators when choosing a subprotocol.
 */
final class GuardedHandler implements WebSocketHandler, SubProtocolCapable {

    private static final String ADMITTED = "tapecast.guard.admitted";
    private static final String EXPIRY = "tapecast.guard.expiry";
    private static final String RATE = "tapecast.guard.rate";

    private final WebSocketHandler delegate;
    private final WebSocketGuard guard;

    GuardedHandler(WebSocketHandler delegate, WebSocketGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    WebSocketHandler delegate() {
        return delegate;
    }

    @Override
    public List<String> getSubProtocols() {
        List<String> protocols = new ArrayList<>();
        if (delegate instanceof SubProtocolCapable capable) {
            protocols.addAll(capable.getSubProtocols());
        }
        protocols.add(TokenResolver.SUBPROTOCOL);
        return protocols;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        Caller caller = Caller.of(session);
        if (caller == null) {
            // Not through the handshake interceptor: fail closed.
            session.close(CloseCodes.of(CloseCodes.FORBIDDEN, "not authenticated"));
            return;
        }
        CloseStatus refusal = guard.admit(caller);
        if (refusal != null) {
            session.close(refusal);
            return;
        }
        session.getAttributes().put(ADMITTED, Boolean.TRUE);
        int rate = guard.limits().messagesPerConnectionPerSecond();
        if (rate > 0) {
            session.getAttributes().put(RATE, new RateLimiter(2L * rate, Duration.ofSeconds(2)));
        }
        if (caller.expiresAt() != null) {
            session.getAttributes().put(EXPIRY, guard.closeWhenExpired(session, caller.expiresAt()));
        }
        delegate.afterConnectionEstablished(session);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        if (!Boolean.TRUE.equals(session.getAttributes().get(ADMITTED))) {
            return;
        }
        if ((message instanceof TextMessage || message instanceof BinaryMessage)
                && session.getAttributes().get(RATE) instanceof RateLimiter rate && rate.tryAcquire("") > 0) {
            session.getAttributes().put(ADMITTED, Boolean.FALSE);
            session.getAttributes().put(ADMITTED + ".closed", Boolean.TRUE);
            guard.closeLater(session, CloseCodes.of(CloseCodes.TOO_MANY,
                    "too many messages (tapecast.limits.messages-per-connection-per-second)"));
            return;
        }
        if (message instanceof PongMessage || message instanceof TextMessage || message instanceof BinaryMessage) {
            delegate.handleMessage(session, message);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
        if (delegated(session)) {
            delegate.handleTransportError(session, exception);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        if (session.getAttributes().get(EXPIRY) instanceof ScheduledFuture<?> expiry) {
            expiry.cancel(false);
        }
        if (delegated(session)) {
            Caller caller = Caller.of(session);
            if (caller != null) {
                guard.release(caller);
            }
            delegate.afterConnectionClosed(session, closeStatus);
        }
    }

    private static boolean delegated(WebSocketSession session) {
        return Boolean.TRUE.equals(session.getAttributes().get(ADMITTED))
                || Boolean.TRUE.equals(session.getAttributes().get(ADMITTED + ".closed"));
    }

    @Override
    public boolean supportsPartialMessages() {
        return delegate.supportsPartialMessages();
    }
}

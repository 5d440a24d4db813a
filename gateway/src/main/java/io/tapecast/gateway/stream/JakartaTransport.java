package io.tapecast.gateway.stream;

import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.io.IOException;
import java.util.function.Consumer;

/** Sends through the container's asynchronous API, so a slow client holds no thread. */
final class JakartaTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(JakartaTransport.class);

    private final WebSocketSession session;
    private final Session nativeSession;

    JakartaTransport(WebSocketSession session) {
        this.session = session;
        if (!(session instanceof NativeWebSocketSession nativeHolder)
                || nativeHolder.getNativeSession(Session.class) == null) {
            throw new IllegalStateException("a Jakarta WebSocket container is required");
        }
        this.nativeSession = nativeHolder.getNativeSession(Session.class);
    }

    @Override
    public void sendAsync(String text, Consumer<Throwable> done) {
        try {
            nativeSession.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void close(CloseStatus status) {
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing session {} failed: {}", session.getId(), e.getMessage());
        }
    }
}

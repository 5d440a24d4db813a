package io.tapecast.gateway.security;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.util.Map;

/**
 * Stores the handshake's {@link Caller} (from the authentication the filter chain established on the upgrade request)
 * in the session attributes, where endpoints read it with {@link Caller#of}.
 */
final class CallerInterceptor implements HandshakeInterceptor {

    private final AccessPolicy policy;

    CallerInterceptor(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                   Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            attributes.put(Caller.SESSION_ATTRIBUTE, policy.callerOf(servlet.getServletRequest()));
        } else {
            attributes.put(Caller.SESSION_ATTRIBUTE, policy.currentCaller());
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                               Exception exception) {
    }
}

package io.tapecast.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.SockJsServiceRegistration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Wraps every {@link WebSocketConfigurer} bean of the context so that every handler it registers, on any path, is
 * guarded ({@link GuardedHandler}) and gets the caller in its session ({@link CallerInterceptor}). New endpoints are
 * covered without any code of their own; the handshake itself is authenticated by the filter chain.
 */
final class GuardingPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<WebSocketGuard> guard;
    private final ObjectProvider<AccessPolicy> policy;

    GuardingPostProcessor(ObjectProvider<WebSocketGuard> guard, ObjectProvider<AccessPolicy> policy) {
        this.guard = guard;
        this.policy = policy;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebSocketConfigurer configurer && !(bean instanceof Guarded)) {
            return (Guarded) registry -> configurer.registerWebSocketHandlers(new GuardedRegistry(registry));
        }
        return bean;
    }

    /** A configurer already guarded. */
    interface Guarded extends WebSocketConfigurer {
    }

    private final class GuardedRegistry implements WebSocketHandlerRegistry {
        private final WebSocketHandlerRegistry delegate;

        GuardedRegistry(WebSocketHandlerRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public WebSocketHandlerRegistration addHandler(WebSocketHandler handler, String... paths) {
            WebSocketHandlerRegistration registration = delegate.addHandler(wrap(handler), paths)
                    .addInterceptors(new CallerInterceptor(policy.getObject()));
            return new GuardedRegistration(registration);
        }
    }

    private WebSocketHandler wrap(WebSocketHandler handler) {
        return handler instanceof GuardedHandler ? handler : new GuardedHandler(handler, guard.getObject());
    }

    private final class GuardedRegistration implements WebSocketHandlerRegistration {
        private final WebSocketHandlerRegistration delegate;

        GuardedRegistration(WebSocketHandlerRegistration delegate) {
            this.delegate = delegate;
        }

        @Override
        public WebSocketHandlerRegistration addHandler(WebSocketHandler handler, String... paths) {
            delegate.addHandler(wrap(handler), paths);
            return this;
        }

        @Override
        public WebSocketHandlerRegistration setHandshakeHandler(HandshakeHandler handshakeHandler) {
            delegate.setHandshakeHandler(handshakeHandler);
            return this;
        }

        @Override
        public WebSocketHandlerRegistration addInterceptors(HandshakeInterceptor... interceptors) {
            delegate.addInterceptors(interceptors);
            return this;
        }

        @Override
        public WebSocketHandlerRegistration setAllowedOrigins(String... origins) {
            // Origins are enforced by the security filter chain (tapecast.security.allowed-origins) for every endpoint.
            delegate.setAllowedOrigins(origins);
            return this;
        }

        @Override
        public WebSocketHandlerRegistration setAllowedOriginPatterns(String... originPatterns) {
            delegate.setAllowedOriginPatterns(originPatterns);
            return this;
        }

        @Override
        public SockJsServiceRegistration withSockJS() {
            throw new UnsupportedOperationException("SockJS is not supported by the gateway");
        }
    }
}

package io.tapecast.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.util.WebUtils;

import java.util.List;

/**
 * Which pages may open a WebSocket (and call REST cross-origin): those of {@code tapecast.security.allowed-origins},
 * the gateway's own origin, and clients that send no {@code Origin} at all (non-browser clients; a browser always
 * sends it on a WebSocket handshake, which is what stops cross-site WebSocket hijacking).
 */
final class OriginPolicy {

    private final CorsConfiguration origins = new CorsConfiguration();
    private final boolean any;

    OriginPolicy(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        origins.setAllowedOriginPatterns(allowedOrigins);
    }

    boolean allows(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || any) {
            return true;
        }
        if (origins.checkOrigin(origin) != null) {
            return true;
        }
        try {
            return WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
        } catch (RuntimeException e) {
            return false; // an Origin that is not even a URL
        }
    }

    CorsConfiguration cors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(origins.getAllowedOriginPatterns());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        return cors;
    }
}

package io.tapecast.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request, in this order: the {@code Authorization: Bearer <token>} header; the
 * {@code access_token} query parameter (GET requests only: WebSocket handshakes from browsers, which cannot set
 * headers); the {@code Sec-WebSocket-Protocol: bearer, <token>} header of a WebSocket handshake (the server then
 * echoes {@code bearer} as the chosen subprotocol). A malformed token is an {@code invalid_token} error (401).
 */
public final class TokenResolver implements BearerTokenResolver {

    public static final String QUERY_PARAMETER = "access_token";
    public static final String SUBPROTOCOL = "bearer";
    private static final Pattern AUTHORIZATION = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("^[a-zA-Z0-9-._~+/]+=*$");

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "bearer", 0, 6)) {
            var matcher = AUTHORIZATION.matcher(header.strip());
            if (!matcher.matches()) {
                throw malformed();
            }
            return matcher.group("token");
        }
        if ("GET".equals(request.getMethod())) {
            Object taken = request.getAttribute(QueryTokenFilter.ATTRIBUTE);
            String fromQuery = taken instanceof String t ? t : queryToken(request.getQueryString());
            if (fromQuery != null) {
                return check(fromQuery);
            }
        }
        if (isWebSocketHandshake(request)) {
            String fromProtocol = subprotocolToken(request);
            if (fromProtocol != null) {
                return check(fromProtocol);
            }
        }
        return null;
    }

    static boolean isWebSocketHandshake(HttpServletRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && "websocket".equalsIgnoreCase(upgrade.strip()) && "GET".equals(request.getMethod());
    }

    private static String check(String token) {
        if (token.isEmpty() || !TOKEN.matcher(token).matches()) {
            throw malformed();
        }
        return token;
    }

    private static OAuth2AuthenticationException malformed() {
        BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
        return new OAuth2AuthenticationException(error);
    }

    /** The {@code access_token} value of a raw query string, or {@code null}. */
    static String queryToken(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (QUERY_PARAMETER.equals(decode(name))) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** The query string without {@code access_token}, or {@code null} if nothing is left. */
    static String withoutToken(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!QUERY_PARAMETER.equals(decode(name))) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    private static String subprotocolToken(HttpServletRequest request) {
        List<String> offered = new ArrayList<>();
        for (String value : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    offered.add(item.strip());
                }
            }
        }
        for (int i = 0; i < offered.size(); i++) {
            if (SUBPROTOCOL.equals(offered.get(i).toLowerCase(Locale.ROOT))) {
                return i + 1 < offered.size() ? offered.get(i + 1) : "";
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

package io.tapecast.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs before everything else of the application (the security filter chain included): takes the
 * {@code access_token} query parameter out of the request, keeping it in a request attribute for the
 * {@link TokenResolver}. Nothing downstream — framework debug logs ("Securing GET /…?…"), controllers, the WebSocket
 * session's URI — ever sees the token.
 */
final class QueryTokenFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = QueryTokenFilter.class.getName() + ".token";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = TokenResolver.queryToken(request.getQueryString());
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, token);
        chain.doFilter(new WithoutToken(request), response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The request minus its {@code access_token} query parameter. */
    private static final class WithoutToken extends HttpServletRequestWrapper {

        WithoutToken(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return TokenResolver.withoutToken(super.getQueryString());
        }

        @Override
        public String getParameter(String name) {
            return TokenResolver.QUERY_PARAMETER.equals(name) ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            map.remove(TokenResolver.QUERY_PARAMETER);
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return TokenResolver.QUERY_PARAMETER.equals(name) ? null : super.getParameterValues(name);
        }
    }
}

package io.tapecast.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Runs before authentication, so it costs an attacker's flood as little as possible: a WebSocket handshake from a
 * foreign {@code Origin} is refused (403), handshakes over {@code handshakes-per-ip-per-second} are refused (429 with
 * {@code Retry-After}), and a request body over {@code max-request-body-bytes} is refused (413).
 */
final class EarlyGuardFilter extends OncePerRequestFilter {

    private final OriginPolicy origins;
    private final RateLimiter handshakes;
    private final int maxBody;
    private final SecurityCounters counters;

    EarlyGuardFilter(OriginPolicy origins, LimitSettings limits, SecurityCounters counters) {
        this.origins = origins;
        this.handshakes = new RateLimiter(limits.handshakesPerIpPerSecond(), java.time.Duration.ofSeconds(1));
        this.maxBody = limits.maxRequestBodyBytes();
        this.counters = counters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (TokenResolver.isWebSocketHandshake(request)) {
            if (!origins.allows(request)) {
                counters.originRefused();
                Problems.write(response, 403, "origin-refused", "Origin not allowed",
                        "WebSocket connections from this origin are not allowed (tapecast.security.allowed-origins).");
                return;
            }
            long wait = handshakes.tryAcquire(request.getRemoteAddr());
            if (wait > 0) {
                counters.limited();
                Problems.tooMany(response, TimeUnit.NANOSECONDS.toSeconds(wait) + 1,
                        "Too many new WebSocket connections from this address; retry later.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBody) {
            tooLarge(response);
            return;
        }
        if (length < 0 && hasBody(request)) {
            byte[] body = readAtMost(request.getInputStream(), maxBody + 1);
            if (body.length > maxBody) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        counters.limited();
        response.setHeader("Connection", "close");
        Problems.write(response, 413, "body-too-large", "Request body too large",
                "The request body is larger than " + maxBody + " bytes (tapecast.limits.max-request-body-bytes).");
    }

    private static boolean hasBody(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && !te.isBlank();
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    /** A request whose (chunked) body was read up front to measure it. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

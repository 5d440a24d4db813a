package io.tapecast.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Runs after authentication: limits backtest starts per user ({@code starts-per-user-per-minute}, 429 with
 * {@code Retry-After}).
 */
final class LateGuardFilter extends OncePerRequestFilter {

    static final String START_PATH = "/api/backtesting/start";

    private final AccessPolicy policy;
    private final RateLimiter starts;
    private final SecurityCounters counters;

    LateGuardFilter(AccessPolicy policy, LimitSettings limits, SecurityCounters counters) {
        this.policy = policy;
        this.starts = new RateLimiter(limits.startsPerUserPerMinute(), java.time.Duration.ofMinutes(1));
        this.counters = counters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && START_PATH.equals(request.getRequestURI())) {
            long wait = starts.tryAcquire(policy.callerOf(request).limitKey());
            if (wait > 0) {
                counters.limited();
                Problems.tooMany(response, TimeUnit.NANOSECONDS.toSeconds(wait) + 1,
                        "Too many backtest starts; tapecast.limits.starts-per-user-per-minute is reached.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package io.tapecast.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code /api/ws/stats} says about this node's security: on or off (with the warning), how tokens are checked. */
public final class SecurityStatus {

    private final SecuritySettings settings;
    private final SecurityCounters counters;

    SecurityStatus(SecuritySettings settings, SecurityCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    String mode() {
        if (!settings.enabled()) {
            return "off";
        }
        SecuritySettings.Jwt jwt = settings.jwt();
        return (jwt.hmacSecret() != null ? "jwt HS256 (shared secret)" : "jwt RS256/ES256 (JWKS " + jwt.jwkSetUri() + ")")
                + (jwt.issuer() != null ? ", issuer " + jwt.issuer() : "")
                + (jwt.audience().isEmpty() ? "" : ", audience " + jwt.audience())
                + ", allowed origins " + (settings.allowedOrigins().isEmpty() ? "same-origin only" : settings.allowedOrigins());
    }

    /** The {@code security} object of {@code /api/ws/stats}. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", settings.enabled());
        if (!settings.enabled()) {
            view.put("warning", SecurityConfiguration.WARNING);
        }
        view.put("mode", mode());
        view.put("unauthenticated", counters.unauthenticatedCount());
        view.put("forbidden", counters.forbiddenCount());
        view.put("origin_refused", counters.originRefusedCount());
        view.put("rate_limited", counters.limitedCount());
        view.put("token_expired_closes", counters.expiredClosesCount());
        return view;
    }
}

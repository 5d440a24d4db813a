package io.tapecast.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Authentication and authorization of a gateway node, under {@code tapecast.security}.
 *
 * @param enabled        {@code true} (the default): every REST call but {@code /actuator/health} and every WebSocket
 *                       handshake needs a valid JWT. {@code false} opens everything (the standalone demo), logged
 *                       loudly at start-up and shown in {@code /api/ws/stats}
 * @param jwt            how tokens are verified
 * @param allowedOrigins origins (exact, or patterns like {@code https://*.example.com}; {@code *} = any) whose pages may
 *                       open a WebSocket or call REST cross-origin. Empty (default): same-origin pages and clients that
 *                       send no {@code Origin} (non-browser clients) only
 * @param accounts       live-trading account → users (token subjects) allowed to use it:
 *                       {@code tapecast.security.accounts.<account>=alice,bob}
 * @param adminRole      the role (in the roles claim, or a scope) that may see and control every user's runs
 */
@ConfigurationProperties("tapecast.security")
public record SecuritySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Jwt jwt,
        List<String> allowedOrigins,
        Map<String, List<String>> accounts,
        @DefaultValue("admin") String adminRole) {

    public SecuritySettings {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        if (adminRole == null || adminRole.isBlank()) {
            adminRole = "admin";
        }
        if (jwt == null) {
            jwt = new Jwt(null, null, null, List.of(), "roles", Duration.ofSeconds(30), true);
        }
    }

    /**
     * @param hmacSecret    shared secret of HS256 tokens (at least 32 bytes; UTF-8, or {@code base64:<bytes>})
     * @param jwkSetUri     JWKS endpoint of the identity provider, for RS256 and ES256 tokens
     * @param issuer        when set, the {@code iss} claim must equal it
     * @param audience      when set, the {@code aud} claim must contain one of these
     * @param rolesClaim    the claim holding the user's roles: an array of strings or a space-separated string; a dotted
     *                      path reaches into objects ({@code realm_access.roles})
     * @param clockSkew     tolerance on {@code exp} and {@code nbf} for REST calls and handshakes
     * @param requireExpiry tokens without {@code exp} are refused (default {@code true})
     */
    public record Jwt(String hmacSecret, String jwkSetUri, String issuer, List<String> audience,
                      @DefaultValue("roles") String rolesClaim, @DefaultValue("30s") Duration clockSkew,
                      @DefaultValue("true") boolean requireExpiry) {

        public Jwt {
            audience = audience == null ? List.of() : audience.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
            hmacSecret = hmacSecret == null || hmacSecret.isBlank() ? null : hmacSecret;
            jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri.strip();
            issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
            if (rolesClaim == null || rolesClaim.isBlank()) {
                rolesClaim = "roles";
            }
            if (clockSkew == null || clockSkew.isNegative()) {
                clockSkew = Duration.ofSeconds(30);
            }
        }

        byte[] hmacSecretBytes() {
            if (hmacSecret == null) {
                return null;
            }
            return hmacSecret.startsWith("base64:")
                    ? Base64.getDecoder().decode(hmacSecret.substring("base64:".length()).strip())
                    : hmacSecret.getBytes(StandardCharsets.UTF_8);
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Jwt[hmacSecret=" + (hmacSecret == null ? "unset" : "***") + ", jwkSetUri=" + jwkSetUri + ", issuer=" + issuer
                    + ", audience=" + audience + ", rolesClaim=" + rolesClaim + ", clockSkew=" + clockSkew
                    + ", requireExpiry=" + requireExpiry + "]";
        }
    }
}

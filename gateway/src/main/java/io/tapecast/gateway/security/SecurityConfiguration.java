package io.tapecast.gateway.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's security: one filter chain over every path (REST and every WebSocket handshake under
 * {@code /api/ws/stream/**}), JWT resource server when {@code tapecast.security.enabled} (the default), and in any
 * case security headers, origin checks, CORS and {@code tapecast.limits}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecuritySettings.class, LimitSettings.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String WARNING = "SECURITY IS OFF (tapecast.security.enabled=false): anyone who can reach this node can "
            + "start, watch and control every backtest. Never expose it beyond a trusted machine.";

    /**
     * Same-origin only: the gateway's own dashboard (scripts, styles, images and its REST and WebSocket calls) works;
     * nothing from elsewhere, no framing, no plugins.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The dashboard's static files: public (a browser cannot send a token for them); the data behind them is not. */
    static final String[] STATIC_FILES = {"/", "/index.html", "/favicon.svg", "/favicon.ico", "/css/**", "/js/**", "/webjars/**"};

    @Bean
    AccessPolicy accessPolicy(SecuritySettings settings) {
        return new AccessPolicy(settings);
    }

    @Bean
    SecurityCounters securityCounters() {
        return new SecurityCounters();
    }

    @Bean(destroyMethod = "close")
    WebSocketGuard webSocketGuard(LimitSettings limits, SecurityCounters counters) {
        return new WebSocketGuard(limits, counters, Clock.systemUTC());
    }

    @Bean
    static GuardingPostProcessor webSocketGuardingPostProcessor(ObjectProvider<WebSocketGuard> guard,
                                                                ObjectProvider<AccessPolicy> policy) {
        return new GuardingPostProcessor(guard, policy);
    }

    /** Takes {@code access_token} out of the query before anything else (the security chain's own logs included). */
    @Bean
    FilterRegistrationBean<QueryTokenFilter> queryTokenFilter() {
        FilterRegistrationBean<QueryTokenFilter> registration = new FilterRegistrationBean<>(new QueryTokenFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    SecurityStatus securityStatus(SecuritySettings settings, SecurityCounters counters) {
        SecurityStatus status = new SecurityStatus(settings, counters);
        if (!settings.enabled()) {
            String bar = "*".repeat(100);
            log.warn("\n{}\n* {}\n* Set tapecast.security.enabled=true and tapecast.security.jwt.hmac-secret (or jwk-set-uri) to require tokens.\n{}",
                    bar, WARNING, bar);
        } else {
            log.info("security on: {}", status.mode());
            if (settings.allowedOrigins().contains("*")) {
                log.warn("tapecast.security.allowed-origins=* lets pages of any site open WebSockets with a user's token");
            }
        }
        return status;
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, SecuritySettings settings, LimitSettings limits,
                                        AccessPolicy policy, SecurityCounters counters) throws Exception {
        OriginPolicy origins = new OriginPolicy(settings.allowedOrigins());
        CorsFilter cors = new CorsFilter(request -> TokenResolver.isWebSocketHandshake(request) ? null : origins.cors());
        cors.setCorsProcessor(new ProblemCorsProcessor());

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilter(cors)
                .addFilterBefore(new EarlyGuardFilter(origins, limits, counters), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new LateGuardFilter(policy, limits, counters), AuthorizationFilter.class);

        if (!settings.enabled()) {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        String admin = settings.adminRole();
        AuthenticationEntryPoint entryPoint = unauthorized(counters);
        AccessDeniedHandler denied = forbidden(counters);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, STATIC_FILES).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/ws/stats", "/actuator/**").hasAnyAuthority("ROLE_" + admin, "SCOPE_" + admin)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new TokenResolver())
                        .jwt(j -> j.decoder(jwtDecoder(settings.jwt()))
                                .jwtAuthenticationConverter(new TokenRoles(settings.jwt().rolesClaim())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
        return http.build();
    }

    /** HS256 with the shared secret, or RS256/ES256 with the JWKS endpoint; issuer, audience and expiry checked. */
    static JwtDecoder jwtDecoder(SecuritySettings.Jwt jwt) {
        NimbusJwtDecoder decoder;
        if (jwt.hmacSecret() != null && jwt.jwkSetUri() != null) {
            throw new IllegalStateException("configure one of tapecast.security.jwt.hmac-secret and jwk-set-uri, not both");
        } else if (jwt.hmacSecret() != null) {
            byte[] secret = jwt.hmacSecretBytes();
            if (secret.length < 32) {
                throw new IllegalStateException("tapecast.security.jwt.hmac-secret must be at least 32 bytes (256 bits) for HS256");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        } else if (jwt.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri())
                    .jwsAlgorithms(algorithms -> {
                        algorithms.add(SignatureAlgorithm.RS256);
                        algorithms.add(SignatureAlgorithm.ES256);
                    })
                    .build();
        } else {
            throw new IllegalStateException("tapecast.security.enabled=true needs tapecast.security.jwt.hmac-secret (HS256) "
                    + "or tapecast.security.jwt.jwk-set-uri (RS256/ES256); or set tapecast.security.enabled=false on purpose");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(jwt.clockSkew()));
        if (jwt.requireExpiry()) {
            validators.add(token -> token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no exp claim", null)));
        }
        validators.add(token -> token.getSubject() != null && !token.getSubject().isBlank() ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no sub claim", null)));
        if (jwt.issuer() != null) {
            validators.add(new JwtIssuerValidator(jwt.issuer()));
        }
        if (!jwt.audience().isEmpty()) {
            validators.add(token -> token.getAudience() != null && token.getAudience().stream().anyMatch(jwt.audience()::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The aud claim is not valid", null)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static AuthenticationEntryPoint unauthorized(SecurityCounters counters) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            counters.unauthenticated();
            bearer.commence(request, response, exception);
            Problems.write(response, 401, "unauthorized", "Unauthorized", detail(request, exception));
        };
    }

    private static String detail(HttpServletRequest request, AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            String description = oauth.getError().getDescription();
            if (description.contains("expired")) {
                return "The bearer token has expired.";
            }
            return "The bearer token is invalid (signature, issuer, audience, claims or format).";
        }
        return "A bearer token is required: the Authorization header, the access_token query parameter (GET), "
                + "or the Sec-WebSocket-Protocol header (bearer, <token>).";
    }

    private static AccessDeniedHandler forbidden(SecurityCounters counters) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            counters.forbidden();
            bearer.handle(request, response, exception);
            Problems.write(response, 403, "forbidden", "Forbidden", "This token may not use " + request.getRequestURI() + ".");
        };
    }

    /** A cross-origin request from an origin not allowed: 403 problem+json instead of a plain-text body. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
            response.getHeaders().set("Content-Type", "application/problem+json");
            response.getBody().write(("{\"type\":\"" + Problems.TYPES + "origin-refused\",\"title\":\"Origin not allowed\","
                    + "\"status\":403,\"detail\":\"Cross-origin requests from this origin are not allowed "
                    + "(tapecast.security.allowed-origins).\"}").getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }

}

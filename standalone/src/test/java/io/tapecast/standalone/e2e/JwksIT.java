package io.tapecast.standalone.e2e;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** RS256 and ES256 tokens verified against an identity provider's JWKS endpoint (a local HTTP server here). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JwksIT {

    private static final RSAKey RSA = Tokens.rsaKey("rsa-1");
    private static final ECKey EC = Tokens.ecKey("ec-1");

    private static HttpServer idp;
    private static SecuredPlatform gateway;

    @BeforeAll
    static void start() throws Exception {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = Tokens.jwks(RSA, EC).getBytes(StandardCharsets.UTF_8);
        idp.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        gateway = SecuredPlatform.gatewayOnly(
                "--tapecast.security.jwt.jwk-set-uri=http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (idp != null) {
            idp.stop(0);
        }
    }

    @Test
    void rs256AndEs256TokensOfTheProviderAreAcceptedOthersRefused() throws Exception {
        Http http = gateway.http();
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").rs256(RSA))).status()).isEqualTo(200);
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").es256(EC))).status()).isEqualTo(200);
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").rs256(Tokens.rsaKey("rsa-1")))).status())
                .as("same key id, another key").isEqualTo(401);
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").hs256())).status()).as("HS256 with JWKS").isEqualTo(401);
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").issuer("https://evil.test").rs256(RSA))).status()).isEqualTo(401);
        assertThat(http.get("/api/strategies", Http.bearer(Tokens.user("alice").expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
                .es256(EC))).status()).isEqualTo(401);

        String id = gateway.parkedRun("alice");
        try (SecureWs ws = SecureWs.connect(gateway.ws("/api/ws/stream/backtest/" + id), List.of(), "bearer",
                Tokens.user("alice").es256(EC))) {
            assertThat(ws.opened()).isTrue();
            ws.awaitFrame(m -> "connected".equals(m.path("type").asString()), Duration.ofSeconds(30));
        }
    }
}

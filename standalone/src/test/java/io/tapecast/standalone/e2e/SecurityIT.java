package io.tapecast.standalone.e2e;

import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.gateway.security.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authentication (HS256, issuer, audience, expiry), the three ways to present a token, ownership of runs (owner or
 * admin only, on REST and on the stream), origins and CORS, and security headers, on a platform with security on.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ALICE = Tokens.user("alice").hs256();
    private static final String BOB = Tokens.user("bob").hs256();
    private static final String ADMIN = Tokens.user("root").roles("admin").hs256();
    private static final String SCOPED_ADMIN = Tokens.user("ops").scope("read admin").hs256();
    /** Every WebSocket endpoint of the gateway: the handshake is authenticated the same way on each. */
    private static final List<String> WS_ENDPOINTS = List.of(
            "/api/ws/stream/backtest/backtest_20240101_000000_abcdef",
            "/api/ws/stream/market-data/BTC-USD",
            "/api/ws/stream/live-trading");

    private static SecuredPlatform platform;

    @BeforeAll
    static void start() {
        // many handshakes in a burst from one address here; LimitsIT tests that limit
        platform = SecuredPlatform.withWorker("--tapecast.limits.handshakes-per-ip-per-second=10000");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static Map<String, String> badTokens() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("expired", Tokens.user("alice").expiresAt(Instant.now().minus(Duration.ofMinutes(5))).hs256());
        bad.put("wrong signature", Tokens.user("alice").hs256(Tokens.WRONG_SECRET));
        bad.put("wrong issuer", Tokens.user("alice").issuer("https://evil.test").hs256());
        bad.put("wrong audience", Tokens.user("alice").audience("someone-else").hs256());
        bad.put("no subject", Tokens.user(null).hs256());
        bad.put("no expiry", Tokens.user("alice").expiresAt(null).hs256());
        bad.put("not a JWT", "bm90LWEtand0");
        return bad;
    }

    @Test
    void missingExpiredForgedOrForeignTokensAreRefusedOnRestAndOnEveryWebSocketEndpoint() {
        Http http = platform.http();
        badTokens().forEach((what, token) -> {
            String[] auth = token == null ? new String[0] : Http.bearer(token);
            for (Http.Response response : List.of(http.get("/api/backtesting", auth), http.get("/api/strategies", auth),
                    http.post("/api/backtesting/start", PlatformTestBase.request("BTC-USD", "1h", "2024-01-01", "2024-02-01"), auth),
                    http.post("/api/backtesting/backtest_20240101_000000_abcdef/cancel", "", auth))) {
                assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer");
                assertThat(response.json().path("status").asInt()).isEqualTo(401);
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            }
            for (String endpoint : WS_ENDPOINTS) {
                String url = platform.ws(endpoint);
                try (SecureWs header = SecureWs.connect(url, token == null ? List.of() : List.of("Authorization", "Bearer " + token))) {
                    assertThat(header.refusedStatus).as(what + " via header on " + endpoint).isEqualTo(401);
                }
                if (token != null) {
                    try (SecureWs query = SecureWs.connect(url + "?access_token=" + token, List.of())) {
                        assertThat(query.refusedStatus).as(what + " via query on " + endpoint).isEqualTo(401);
                    }
                    try (SecureWs protocol = SecureWs.connect(url, List.of(), "bearer", token)) {
                        assertThat(protocol.refusedStatus).as(what + " via subprotocol on " + endpoint).isEqualTo(401);
                    }
                }
            }
        });
        // health stays open for probes, and the dashboard's static files for browsers (its data needs the token)
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/").status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void aValidTokenIsTakenFromTheHeaderTheQueryOrTheSubprotocolWhichIsEchoed() throws Exception {
        String id = platform.parkedRun("alice");
        String url = platform.ws("/api/ws/stream/backtest/" + id);
        try (SecureWs header = SecureWs.connect(url, List.of("Authorization", "Bearer " + ALICE));
             SecureWs query = SecureWs.connect(url + "?from_seq=0&access_token=" + ALICE, List.of());
             SecureWs protocol = SecureWs.connect(url, List.of(), "bearer", ALICE)) {
            for (SecureWs client : List.of(header, query, protocol)) {
                assertThat(client.opened()).isTrue();
                client.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            }
            assertThat(protocol.subprotocol()).isEqualTo("bearer");
        }
        await().atMost(WAIT).until(() -> platform.http().get("/api/backtesting/" + id + "?access_token=" + ALICE).status() == 200);
        // the REST answer never echoes the token
        assertThat(platform.http().get("/api/backtesting/" + id + "?access_token=" + ALICE).body()).doesNotContain(ALICE);
    }

    @Test
    void aRunBelongsToItsStarterOnlyTheOwnerOrAnAdminMayStreamReplayListSeeOrControlIt() throws Exception {
        Http http = platform.http();
        Http.Response started = http.post("/api/backtesting/start",
                PlatformTestBase.request("BTC-USD", "1h", "2024-01-01", "2024-03-01"), Http.bearer(ALICE));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("backtest_id").asString();
        await().atMost(WAIT).until(() -> "completed".equals(http.get("/api/backtesting/" + id, Http.bearer(ALICE)).json().path("status").asString()));
        JsonNode run = http.get("/api/backtesting/" + id, Http.bearer(ALICE)).json();
        assertThat(run.path("request").path("owner").asString()).isEqualTo("alice");

        // bob: refused everywhere, with 403 problems
        for (Http.Response refused : List.of(http.get("/api/backtesting/" + id, Http.bearer(BOB)),
                http.get("/api/backtesting?owner=alice", Http.bearer(BOB)),
                http.post("/api/backtesting/" + id + "/cancel", "", Http.bearer(BOB)),
                http.post("/api/backtesting/" + id + "/pause", "", Http.bearer(BOB)))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(ids(http.get("/api/backtesting", Http.bearer(BOB)).json())).doesNotContain(id);
        String url = platform.ws("/api/ws/stream/backtest/" + id);
        try (SecureWs replay = SecureWs.connect(url, List.of("Authorization", "Bearer " + BOB))) {
            assertThat(replay.awaitClose(WAIT)).isEqualTo(4403);
            assertThat(replay.messages()).noneMatch(m -> m.has("seq"));
        }
        String parked = platform.parkedRun("alice");
        try (SecureWs live = SecureWs.connect(platform.ws("/api/ws/stream/backtest/" + parked), List.of(), "bearer", BOB)) {
            assertThat(live.awaitClose(WAIT)).isEqualTo(4403);
            assertThat(live.messages()).isEmpty();
        }

        // alice and the admins: served
        List<String> aliceEvents;
        try (SecureWs own = SecureWs.connect(url, List.of("Authorization", "Bearer " + ALICE))) {
            assertThat(own.awaitClose(WAIT)).isEqualTo(1000);
            aliceEvents = own.messages().stream().filter(m -> m.has("seq")).map(m -> m.path("seq").asString()).toList();
        }
        assertThat(aliceEvents).isNotEmpty();
        try (SecureWs admin = SecureWs.connect(url + "?access_token=" + ADMIN, List.of())) {
            assertThat(admin.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(admin.messages().stream().filter(m -> m.has("seq")).map(m -> m.path("seq").asString()).toList())
                    .isEqualTo(aliceEvents);
        }
        assertThat(http.get("/api/backtesting/" + id, Http.bearer(SCOPED_ADMIN)).status()).isEqualTo(200);
        assertThat(ids(http.get("/api/backtesting?owner=alice", Http.bearer(ADMIN)).json())).contains(id);
        assertThat(ids(http.get("/api/backtesting", Http.bearer(ALICE)).json())).contains(id);
        assertThat(http.post("/api/backtesting/" + id + "/cancel", "", Http.bearer(ADMIN)).status()).isEqualTo(409); // finished
        await().atMost(WAIT).until(() -> http.get("/api/backtesting/" + parked, Http.bearer(ALICE)).status() == 200);
        assertThat(http.post("/api/backtesting/" + parked + "/pause", "", Http.bearer(ALICE)).status()).isEqualTo(202);
        assertThat(http.post("/api/backtesting/" + parked + "/cancel", "", Http.bearer(ADMIN)).status()).isEqualTo(202);

        // node-wide figures are for admins
        assertThat(http.get("/api/ws/stats", Http.bearer(ALICE)).status()).isEqualTo(403);
        Http.Response stats = http.get("/api/ws/stats", Http.bearer(ADMIN));
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("security").path("enabled").asBoolean()).isTrue();
        assertThat(stats.json().path("security").path("forbidden").asLong()).isPositive();
    }

    @Test
    void liveTradingAccountsAreBoundToUsersByConfiguration() {
        AccessPolicy policy = platform.context().getBean(AccessPolicy.class);
        Caller alice = new Caller("alice", false, null, "127.0.0.1", false);
        Caller bob = new Caller("bob", false, null, "127.0.0.1", false);
        Caller admin = new Caller("root", true, null, "127.0.0.1", false);
        assertThat(policy.mayUseAccount(alice, "acct-1")).isTrue();
        assertThat(policy.mayUseAccount(bob, "acct-1")).isFalse();
        assertThat(policy.mayUseAccount(alice, "acct-unknown")).isFalse();
        assertThat(policy.mayUseAccount(admin, "acct-1")).isTrue();
        assertThat(policy.accountsOf(alice)).containsExactly("acct-1");
        assertThat(policy.accountsOf(bob)).isEmpty();
    }

    @Test
    void aHandshakeFromAForeignOriginIsRefusedAndAnAllowedOneWorks() throws Exception {
        String id = platform.parkedRun("alice");
        String path = "/api/ws/stream/backtest/" + id;
        try (RawHandshake foreign = RawHandshake.open(null, platform.port(), path, "Origin", "https://evil.test",
                "Authorization", "Bearer " + ALICE)) {
            assertThat(foreign.status).isEqualTo(403);
        }
        for (String origin : List.of(SecuredPlatform.ALLOWED_ORIGIN, "http://127.0.0.1:" + platform.port())) {
            try (RawHandshake allowed = RawHandshake.open(null, platform.port(), path + "?access_token=" + ALICE, "Origin", origin)) {
                assertThat(allowed.status).as(origin).isEqualTo(101);
                assertThat(allowed.read(1, WAIT).texts()).hasSize(1);
            }
        }
        Http http = platform.http();
        Http.Response preflight = http.method("OPTIONS", "/api/backtesting", "Origin", SecuredPlatform.ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SecuredPlatform.ALLOWED_ORIGIN);
        Http.Response foreignPreflight = http.method("OPTIONS", "/api/backtesting", "Origin", "https://evil.test",
                "Access-Control-Request-Method", "GET");
        assertThat(foreignPreflight.status()).isEqualTo(403);
        assertThat(foreignPreflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(http.get("/api/backtesting", "Origin", "https://evil.test", "Authorization", "Bearer " + ALICE).status()).isEqualTo(403);
        Http.Response allowedGet = http.get("/api/backtesting", "Origin", SecuredPlatform.ALLOWED_ORIGIN, "Authorization", "Bearer " + ALICE);
        assertThat(allowedGet.status()).isEqualTo(200);
        assertThat(allowedGet.header("Access-Control-Allow-Origin")).isEqualTo(SecuredPlatform.ALLOWED_ORIGIN);
    }

    @Test
    void everyHttpAnswerCarriesSecurityHeaders() {
        Http http = platform.http();
        for (Http.Response response : List.of(http.get("/api/strategies", Http.bearer(ALICE)), http.get("/api/strategies"),
                http.get("/api/backtesting/nope", Http.bearer(ALICE)))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void aSessionWhoseTokenExpiresIsClosedWith4401() throws Exception {
        String id = platform.parkedRun("alice");
        String shortLived = Tokens.user("alice").expiresIn(Duration.ofSeconds(3)).hs256();
        try (SecureWs client = SecureWs.connect(platform.ws("/api/ws/stream/backtest/" + id), List.of(), "bearer", shortLived)) {
            assertThat(client.opened()).isTrue();
            client.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            assertThat(client.awaitClose(Duration.ofSeconds(20))).isEqualTo(4401);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("backtest_id").asString()));
        return ids;
    }
}

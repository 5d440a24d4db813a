package io.tapecast.standalone.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every {@code tapecast.limits} limit: the request over it is refused with its documented answer, those under it are
 * served, and one address's flood does not stop another. Each test uses its own client addresses on the loopback
 * range (127.0.0.x), since the per-address limits count by address.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    // Watchers carry the admin role, so the run's owner check is never what refuses them: only the limits are at play
    // (limits hold for admins too).
    private static final String ALICE = watcher("alice");
    private static final String BOB = watcher("bob");

    private static SecuredPlatform gateway;
    private static String run;
    private static String path;

    @BeforeAll
    static void start() throws Exception {
        gateway = SecuredPlatform.gatewayOnly(
                "--tapecast.limits.connections-per-user=2",
                "--tapecast.limits.connections-per-ip=3",
                "--tapecast.limits.handshakes-per-ip-per-second=5",
                "--tapecast.limits.messages-per-connection-per-second=5",
                "--tapecast.limits.max-frame-bytes=1024",
                "--tapecast.limits.starts-per-user-per-minute=2",
                "--tapecast.limits.max-request-body-bytes=4096");
        run = gateway.parkedRun("alice");
        path = "/api/ws/stream/backtest/" + run;
        String admin = Tokens.user("root").roles("admin").hs256();
        await().atMost(WAIT).until(() -> gateway.http().get("/api/backtesting/" + run, Http.bearer(admin)).status() == 200);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String watcher(String subject) {
        return Tokens.user(subject).roles("admin").hs256();
    }

    private static RawHandshake connect(String address, String token) {
        RawHandshake ws = RawHandshake.open(address, gateway.port(), path, "Authorization", "Bearer " + token);
        assertThat(ws.status).isEqualTo(101);
        return ws;
    }

    private static void assertConnected(RawHandshake ws) {
        RawHandshake.Transcript first = ws.read(1, WAIT);
        assertThat(first.closeCode()).isZero();
        assertThat(first.texts()).hasSize(1).allMatch(t -> t.contains("\"connected\""));
    }

    @Test
    void aUserHoldsAtMostConnectionsPerUser() {
        List<RawHandshake> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                open.add(connect("127.0.0.10", ALICE));
                assertConnected(open.get(i));
            }
            try (RawHandshake third = connect("127.0.0.11", ALICE)) {
                assertThat(third.awaitClose(WAIT)).isEqualTo(4429);
            }
            try (RawHandshake bob = connect("127.0.0.11", BOB)) {
                assertConnected(bob);
            }
            // the first two are still served
            for (RawHandshake ws : open) {
                ws.sendText("{\"type\":\"ping\"}");
                assertThat(ws.read(1, WAIT).texts()).hasSize(1).allMatch(t -> t.contains("\"pong\""));
            }
            open.remove(0).close();
            await().atMost(WAIT).until(() -> {
                try (RawHandshake again = connect("127.0.0.12", ALICE)) {
                    return again.read(1, Duration.ofSeconds(5)).closeCode() == 0;
                }
            });
        } finally {
            open.forEach(RawHandshake::close);
        }
    }

    @Test
    void anAddressHoldsAtMostConnectionsPerIpAndOtherAddressesAreUnaffected() {
        List<RawHandshake> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(connect("127.0.0.20", watcher("ip-user-" + i)));
                assertConnected(open.get(i));
            }
            try (RawHandshake fourth = connect("127.0.0.20", watcher("ip-user-3"))) {
                assertThat(fourth.awaitClose(WAIT)).isEqualTo(4429);
            }
            try (RawHandshake elsewhere = connect("127.0.0.21", watcher("ip-user-3"))) {
                assertConnected(elsewhere);
            }
        } finally {
            open.forEach(RawHandshake::close);
        }
    }

    @Test
    void aHandshakeFloodFromOneAddressIsRefusedWith429AndAnotherAddressStillConnects() {
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            try (RawHandshake ws = RawHandshake.open("127.0.0.30", gateway.port(), path)) {
                if (ws.status == 429) {
                    refused++;
                    assertThat(Integer.parseInt(ws.header("Retry-After"))).isPositive();
                    assertThat(ws.header("Content-Type")).startsWith("application/problem+json");
                } else {
                    assertThat(ws.status).isEqualTo(401); // past the limiter, then no token
                    served++;
                }
            }
        }
        assertThat(served).isBetween(5, 15);
        assertThat(refused).isGreaterThanOrEqualTo(15);
        try (RawHandshake other = connect("127.0.0.31", BOB)) {
            assertConnected(other);
        }
    }

    @Test
    void aSessionSendingTooManyMessagesIsClosedWith4429WhileOthersAreServed() {
        try (RawHandshake flooder = connect("127.0.0.40", watcher("flooder"));
             RawHandshake calm = connect("127.0.0.41", watcher("calm"))) {
            assertConnected(flooder);
            assertConnected(calm);
            for (int i = 0; i < 40; i++) {
                flooder.sendText("{\"type\":\"ping\"}");
            }
            RawHandshake.Transcript flood = flooder.read(Integer.MAX_VALUE, WAIT);
            assertThat(flood.closeCode()).isEqualTo(4429);
            assertThat(flood.texts()).hasSizeLessThanOrEqualTo(12); // a burst of 2 × 5 is answered
            calm.sendText("{\"type\":\"ping\"}");
            assertThat(calm.read(1, WAIT).texts()).hasSize(1).allMatch(t -> t.contains("\"pong\""));
        }
    }

    @Test
    void aFrameOverMaxFrameBytesClosesTheSessionWith1009() {
        try (RawHandshake big = connect("127.0.0.50", watcher("big"));
             RawHandshake small = connect("127.0.0.51", watcher("small"))) {
            assertConnected(big);
            assertConnected(small);
            small.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(900) + "\"}");
            assertThat(small.read(1, WAIT).texts()).hasSize(1).allMatch(t -> t.contains("\"pong\""));
            big.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}");
            assertThat(big.awaitClose(WAIT)).isEqualTo(1009);
        }
    }

    @Test
    void startsPerUserPerMinuteAreLimitedWith429AndRetryAfter() {
        Http http = gateway.http();
        String body = PlatformTestBase.request("BTC-USD", "1h", "2024-01-01", "2024-02-01");
        String starter = Tokens.user("starter").hs256();
        assertThat(http.post("/api/backtesting/start", body, Http.bearer(starter)).status()).isEqualTo(202);
        assertThat(http.post("/api/backtesting/start", body, Http.bearer(starter)).status()).isEqualTo(202);
        Http.Response third = http.post("/api/backtesting/start", body, Http.bearer(starter));
        assertThat(third.status()).isEqualTo(429);
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.json().path("type").asString()).endsWith("/rate-limited");
        // another user is not affected; reading is not limited
        assertThat(http.post("/api/backtesting/start", body, Http.bearer(Tokens.user("other-starter").hs256())).status()).isEqualTo(202);
        assertThat(http.get("/api/backtesting", Http.bearer(starter)).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverMaxRequestBodyBytesIsRefusedWith413WhetherItsLengthIsDeclaredOrChunked() {
        Http http = gateway.http();
        String token = Tokens.user("big-body").hs256();
        String huge = "{\"name\":\"" + "x".repeat(5000) + "\"}";
        Http.Response declared = http.post("/api/backtesting/start", huge, Http.bearer(token));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        Http.Response chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/backtesting/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))), Http.bearer(token));
        assertThat(chunked.status()).isEqualTo(413);
        Http.Response underLimit = http.post("/api/backtesting/start", "{\"name\":\"" + "x".repeat(3000) + "\"}", Http.bearer(token));
        assertThat(underLimit.status()).isEqualTo(400); // served: validated, and invalid
        Http.Response chunkedUnder = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/backtesting/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"symbol\":\"\"}".getBytes()))), Http.bearer(token));
        assertThat(chunkedUnder.status()).isEqualTo(400);
    }
}

package io.tapecast.standalone.e2e;

import io.tapecast.gateway.app.GatewayApplication;
import io.tapecast.gateway.stream.BacktestStreamHandler;
import io.tapecast.schemas.testing.WireSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.tapecast.standalone.e2e.TestStreams.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several gateways on one cluster, no sticky sessions: any node serves any client, exactly. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AnyGatewayIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    ApplicationContext platform;

    @Test
    void theGatewaysOwnMainClassIsNotPickedUpByAPlatformThatImportsTheGatewayAsALibrary() {
        assertThat(platform.getBeanNamesForType(GatewayApplication.class)).isEmpty();
        assertThat(platform.getBeansOfType(BacktestStreamHandler.class)).hasSize(1);
    }

    @Test
    void aClientDroppedOnOneGatewayAtARandomSeqResumesOnAnotherWithEachSeqExactlyOnce() {
        try (GatewayNode b = GatewayNode.start()) {
            String id = rest().start(request("SOL-USD", "5m", "2023-01-01", "2024-01-01")).path("backtest_id").asString();
            long dropAt = ThreadLocalRandom.current().nextLong(1, 400);
            WsClient onA = WsClient.connect(streamUrl(id));
            try {
                onA.awaitFrame(m -> m.path("seq").asLong() >= dropAt, WAIT);
            } finally {
                onA.close(); // the drop: no close handshake awaited
            }
            List<Long> before = seqs(onA.eventFrames());
            long last = before.get(before.size() - 1);
            List<Long> after;
            try (WsClient onB = WsClient.connect(b.streamUrl(id) + "?from_seq=" + last)) {
                assertThat(onB.awaitClose(WAIT)).isEqualTo(1000);
                JsonNode connected = onB.messages().get(0);
                assertThat(connected.path("data").path("gateway").asString()).isEqualTo(b.nodeId());
                assertThat(connected.path("data").path("from_seq").asLong()).isEqualTo(last);
                after = seqs(onB.eventFrames());
                assertThat(onB.messages().get(onB.messages().size() - 1).path("type").asString()).isEqualTo("complete");
            }
            List<Long> union = new ArrayList<>(before);
            union.addAll(after);
            long n = after.get(after.size() - 1);
            assertThat(after.get(0)).isEqualTo(last + 1);
            assertThat(union).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        }
    }

    @Test
    void aGatewayStartedAfterRunsFinishedListsThemNewestFirstPagedAndReplaysThem() {
        String first = runToCompletion(request("ADA-USD", "1h", "2024-01-01", "2024-03-01"));
        String second = runToCompletion(request("DOT-USD", "1h", "2024-01-01", "2024-03-01"));
        List<String> onA;
        try (WsClient replay = WsClient.connect(streamUrl(second))) {
            assertThat(replay.awaitClose(WAIT)).isEqualTo(1000);
            onA = replay.eventFrames();
        }

        try (GatewayNode late = GatewayNode.start()) {
            JsonNode all = late.rest().get("/api/backtesting?status=completed&size=500").json();
            assertThat(all.path("page").asInt()).isZero();
            assertThat(all.path("size").asInt()).isEqualTo(500);
            List<String> ids = new ArrayList<>();
            all.path("items").forEach(item -> ids.add(item.path("backtest_id").asString()));
            assertThat(ids).containsSubsequence(second, first);
            assertThat(all.path("items")).allSatisfy(item -> assertThat(item.path("status").asString()).isEqualTo("completed"));
            long total = all.path("total").asLong();
            assertThat(total).isEqualTo(ids.size());

            JsonNode firstPage = late.rest().get("/api/backtesting?status=completed&size=1&page=0").json();
            JsonNode secondPage = late.rest().get("/api/backtesting?status=completed&size=1&page=1").json();
            assertThat(firstPage.path("total").asLong()).isEqualTo(total);
            assertThat(firstPage.path("items")).hasSize(1);
            assertThat(firstPage.path("items").get(0).path("backtest_id").asString()).isEqualTo(ids.get(0));
            assertThat(secondPage.path("items").get(0).path("backtest_id").asString()).isEqualTo(ids.get(1));
            assertThat(late.rest().get("/api/backtesting?owner=nobody-" + first).json().path("total").asLong()).isZero();
            assertThat(late.rest().get("/api/backtesting?status=bogus").status()).isEqualTo(400);
            assertThat(late.rest().get("/api/backtesting?size=0").status()).isEqualTo(400);

            try (WsClient replay = WsClient.connect(late.streamUrl(second))) {
                assertThat(replay.awaitClose(WAIT)).isEqualTo(1000);
                assertThat(replay.eventFrames()).isEqualTo(onA);
                assertThat(replay.messages().get(0).path("data").path("gateway").asString()).isEqualTo(late.nodeId());
                replay.messages().stream().filter(m -> !m.has("seq")).map(JsonNode::toString).forEach(WireSchemaValidator::assertValid);
            }
        }
    }

    @Test
    void statsShowConnectionsSessionsAndTrafficAndPrometheusExportsThem() throws Exception {
        String id = TestStreams.publishQueuedRun();
        try (GatewayNode node = GatewayNode.start();
             WsClient one = WsClient.connect(node.streamUrl(id));
             WsClient two = WsClient.connect(node.streamUrl(id))) {
            one.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            two.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode stats = node.rest().get("/api/ws/stats").json();
                assertThat(stats.path("node").asString()).isEqualTo(node.nodeId());
                assertThat(stats.path("connections").path("backtest").asInt()).isEqualTo(2);
                assertThat(stats.path("connections_total").asInt()).isEqualTo(2);
                assertThat(stats.path("sessions_per_stream").path(id).asInt()).isEqualTo(2);
                assertThat(stats.path("messages_sent").asLong()).isGreaterThanOrEqualTo(2);
                assertThat(stats.path("bytes_sent").asLong()).isPositive();
                assertThat(stats.path("reader_lag").has("backtest.events")).isTrue();
                assertThat(stats.has("slow_consumer_closes")).isTrue();
                assertThat(stats.has("replays_in_progress")).isTrue();
            });
            RestClient.Response prometheus = node.rest().get("/actuator/prometheus");
            assertThat(prometheus.status()).isEqualTo(200);
            assertThat(prometheus.body())
                    .contains("tapecast_ws_connections{")
                    .contains("tapecast_ws_messages_sent_total")
                    .contains("tapecast_ws_bytes_sent_bytes_total")
                    .contains("tapecast_ws_slow_consumer_closes_total")
                    .contains("tapecast_replay_in_progress")
                    .contains("tapecast_live_reader_lag{");
        }
    }

    private String runToCompletion(String body) {
        String id = rest().start(body).path("backtest_id").asString();
        await().atMost(WAIT).until(() -> "completed".equals(rest().get("/api/backtesting/" + id).json().path("status").asString()));
        return id;
    }
}

package io.tapecast.standalone.e2e;

import io.tapecast.feed.app.MarketFeedApplication;
import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The standalone's market feed through Kafka and the gateway to real WebSocket clients. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MarketDataStreamIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private String marketUrl(String pathAndQuery) {
        return "ws://127.0.0.1:" + port + "/api/ws/stream/market-data/" + pathAndQuery;
    }

    @Test
    void aJoiningClientGetsTheSnapshotThenLiveCandlesAndAnalysis() {
        try (WsClient first = WsClient.connect(marketUrl("BTC-USD"))) {
            first.awaitFrame(m -> isCandle(m, "1m", true), WAIT);
            first.awaitFrame(m -> "confluence".equals(m.path("type").asString()), WAIT);
            first.awaitFrame(m -> isCandle(m, "1h", false), WAIT);
            assertThat(first.messages().get(0).path("type").asString()).isEqualTo("connected");
            first.frames().forEach(WireSchemaValidator::assertValid);
        }
        // by now the node holds state: a new client's screen fills at once, before the next live minute
        try (WsClient late = WsClient.connect(marketUrl("btc-usd"))) {
            late.awaitFrame(m -> isCandle(m, "1d", false) || isCandle(m, "1d", true), Duration.ofSeconds(5));
            List<JsonNode> messages = late.messages();
            JsonNode connected = messages.get(0);
            assertThat(connected.path("type").asString()).isEqualTo("connected");
            long snapshotUpTo = connected.path("data").path("last_seq").asLong();
            assertThat(snapshotUpTo).isPositive();
            List<String> snapshotTimeframes = messages.stream().skip(1)
                    .filter(m -> m.path("seq").asLong() <= snapshotUpTo && "candle".equals(m.path("type").asString()))
                    .map(m -> m.path("data").path("timeframe").asString()).distinct().toList();
            assertThat(snapshotTimeframes).contains("1m", "5m", "15m", "1h", "4h", "1d");
            assertThat(messages.stream().skip(1).filter(m -> m.path("seq").asLong() <= snapshotUpTo)
                    .map(m -> m.path("type").asString())).contains("confluence");
        }
    }

    @Test
    void filtersKeepOnlyTheAskedTimeframesAndTypes() {
        try (WsClient client = WsClient.connect(marketUrl("ETH-USD?timeframes=1m,1H&types=candle"))) {
            client.awaitFrame(m -> isCandle(m, "1m", true), WAIT);
            client.awaitFrame(m -> isCandle(m, "1m", true) && m.path("seq").asLong() > firstSeq(client), WAIT);
            List<JsonNode> events = client.messages().stream().skip(1).toList();
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("type").asString()).isEqualTo("candle");
                assertThat(e.path("data").path("timeframe").asString()).isIn("1m", "1h");
                assertThat(e.path("stream_id").asString()).isEqualTo("ETH-USD");
            });
        }
    }

    @Test
    void unknownTimeframesTypesOrSymbolsAreClosedWith4400() {
        for (String bad : List.of("BTC-USD?timeframes=2h", "BTC-USD?types=trades", "BTC%20USD!")) {
            try (WsClient client = WsClient.connect(marketUrl(bad))) {
                assertThat(client.awaitClose(Duration.ofSeconds(20))).as(bad).isEqualTo(4400);
            }
        }
    }

    @Test
    void aStalledClientIsConflatedToTheLatestCandleWhileAnotherKeepsEveryCandle() {
        // a fast feed of its own symbol: a hundred minutes a second
        try (ConfigurableApplicationContext fast = MarketFeedApplication.run(
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(), "--tapecast.feed.symbols=SOL-USD",
                "--tapecast.feed.speed=6000", "--tapecast.feed.warmup=0s", "--tapecast.feed.forming-throttle=0s",
                "--spring.jmx.enabled=false");
             RawWsClient stalled = RawWsClient.connect(port, "/api/ws/stream/market-data/SOL-USD?types=candle", 4096);
             WsClient keeping = WsClient.connect(marketUrl("SOL-USD?types=candle&timeframes=1m"))) {
            await().atMost(WAIT).until(() -> rest().get("/api/ws/stats").json().path("conflated_frames").asLong() > 0);
            keeping.awaitFrame(m -> isCandle(m, "1m", true), WAIT);
            fast.close();
            List<Instant> minutes = keeping.messages().stream().filter(m -> isCandle(m, "1m", true))
                    .map(m -> Instant.parse(m.path("data").path("open_time").asString())).toList();
            assertThat(minutes.size()).isGreaterThan(10);
            for (int i = 1; i < minutes.size(); i++) {
                assertThat(minutes.get(i)).isEqualTo(minutes.get(i - 1).plusSeconds(60));
            }
            JsonNode stats = rest().get("/api/ws/stats").json();
            assertThat(stats.path("slow_consumer_closes").asLong()).as("nobody was disconnected for being slow").isZero();
            assertThat(stats.path("connections").path("market-data").asInt()).as("the stalled client is still connected")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private static long firstSeq(WsClient client) {
        return client.messages().stream().filter(m -> isCandle(m, "1m", true)).findFirst().orElseThrow().path("seq").asLong();
    }

    private static boolean isCandle(JsonNode m, String timeframe, boolean closed) {
        return "candle".equals(m.path("type").asString()) && timeframe.equals(m.path("data").path("timeframe").asString())
                && m.path("data").path("closed").asBoolean() == closed;
    }
}

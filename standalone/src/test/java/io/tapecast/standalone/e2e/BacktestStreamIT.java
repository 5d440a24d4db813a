package io.tapecast.standalone.e2e;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.market.MarketData;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.testing.KafkaTestBroker;
import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.engine.backtest.BacktestListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BacktestStreamIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void streamsConnectedThenEverySeqInOrderToComplete() {
        JsonNode started = rest().start(request("BTC-USD", "1h", "2024-01-01", "2024-07-01"));
        String id = started.path("backtest_id").asString();
        assertThat(id).matches("backtest_\\d{8}_\\d{6}_[a-z0-9]{6}");
        assertThat(started.path("status").asString()).isEqualTo("queued");
        assertThat(started.path("stream_url").asString()).isEqualTo(streamUrl(id));

        try (WsClient client = WsClient.connect(started.path("stream_url").asString())) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            List<JsonNode> messages = client.messages();
            assertThat(messages.get(0).path("type").asString()).isEqualTo("connected");
            assertThat(messages.get(0).has("seq")).isFalse();

            List<JsonNode> events = messages.subList(1, messages.size());
            assertThat(events).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("stream").asString()).isEqualTo("backtest");
                assertThat(e.path("stream_id").asString()).isEqualTo(id);
            });
            List<String> types = events.stream().map(e -> e.path("type").asString()).toList();
            assertThat(types.get(0)).isEqualTo("progress");
            assertThat(types).contains("trade", "equity", "metrics");
            assertThat(types.get(types.size() - 1)).isEqualTo("complete");
            assertThat(types.stream().filter("complete"::equals)).hasSize(1);
            client.frames().forEach(WireSchemaValidator::assertValid);

            JsonNode complete = events.get(events.size() - 1).path("data");
            BacktestResult direct = runEngineDirectly(id);
            assertThat(complete.path("metrics")).isEqualTo(WireJson.mapper().valueToTree(direct.metrics()));
            assertThat(complete.path("candles").asInt()).isEqualTo(direct.candles());
            assertThat(complete.path("total_trades").asInt()).isEqualTo(direct.metrics().tradeCount());
        }

        JsonNode status = rest().get("/api/backtesting/" + id).json();
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("final_metrics").path("trade_count").asInt()).isPositive();
    }

    @Test
    void replayAfterCompletionEqualsTheLiveStreamByteForByte() {
        String id = rest().start(request("ETH-USD", "1h", "2024-01-01", "2024-04-01")).path("backtest_id").asString();
        List<String> live;
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            live = client.eventFrames();
        }
        // `complete` reaches viewers just before the worker's final status: wait for the index to say so
        await().atMost(WAIT).until(() -> "completed".equals(rest().get("/api/backtesting/" + id).json().path("status").asString()));
        try (WsClient replay = WsClient.connect(streamUrl(id))) {
            assertThat(replay.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(replay.eventFrames()).isEqualTo(live);
            assertThat(replay.messages().get(0).path("data").path("status").asString()).isEqualTo("completed");
        }
    }

    @Test
    void twoClientsOnOneStreamSeeTheSameSequenceAndALateJoinerSeesAllOfIt() {
        String id = rest().start(request("SOL-USD", "5m", "2023-01-01", "2024-01-01")).path("backtest_id").asString();
        try (WsClient early = WsClient.connect(streamUrl(id))) {
            early.awaitFrame(m -> m.path("seq").asLong() >= 5, WAIT);
            try (WsClient late = WsClient.connect(streamUrl(id))) {
                assertThat(early.awaitClose(WAIT)).isEqualTo(1000);
                assertThat(late.awaitClose(WAIT)).isEqualTo(1000);
                assertThat(late.eventFrames()).isNotEmpty().isEqualTo(early.eventFrames());
                assertThat(late.messages().get(1).path("seq").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void fromSeqResumesWithExactlyTheNextSeq() {
        String id = rest().start(request("BTC-USD", "4h", "2022-01-01", "2024-01-01")).path("backtest_id").asString();
        List<String> all;
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            all = client.eventFrames();
        }
        int k = all.size() / 2;
        try (WsClient resumed = WsClient.connect(streamUrl(id) + "?from_seq=" + k)) {
            assertThat(resumed.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(resumed.messages().get(0).path("data").path("from_seq").asLong()).isEqualTo(k);
            assertThat(resumed.eventFrames()).isEqualTo(all.subList(k, all.size()));
        }
    }

    @Test
    void anUnknownBacktestIsClosedWith4404() {
        try (WsClient client = WsClient.connect(streamUrl("backtest_19990101_000000_nosuch"))) {
            assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(4404);
        }
    }

    @Test
    void aMalformedFromSeqIsClosedWith4400() {
        try (WsClient client = WsClient.connect(streamUrl("backtest_19990101_000000_nosuch") + "?from_seq=-3")) {
            assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(4400);
        }
    }

    @Test
    void pingIsAnsweredWithPongAndAGarbageFrameWithAnErrorWhileTheSessionStaysOpen() throws Exception {
        // A run that is queued but never picked up keeps its session open for as long as the test needs.
        String id = "backtest_20240101_000000_queued";
        publishQueuedStatus(id);
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            client.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            assertThat(client.messages().get(0).path("data").path("status").asString()).isEqualTo("queued");
            client.send("this is not json");
            client.awaitFrame(m -> "error".equals(m.path("type").asString()) && !m.has("seq"), WAIT);
            client.send("{\"type\":\"subscribe\"}");
            client.awaitFrame(m -> "UNSUPPORTED_TYPE".equals(m.path("data").path("code").asString()), WAIT);
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(m -> "pong".equals(m.path("type").asString()), WAIT);
            assertThat(client.isClosed()).isFalse();
            client.frames().forEach(WireSchemaValidator::assertValid);
        }
    }

    @Test
    void aRangeWithoutCandlesEndsWithAnErrorEventAndStatusFailed() {
        String id = rest().start(request("BTC-USD", "1h", "1990-01-01", "1990-02-01")).path("backtest_id").asString();
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            JsonNode last = client.messages().get(client.messages().size() - 1);
            assertThat(last.path("type").asString()).isEqualTo("error");
            assertThat(last.path("seq").asLong()).isEqualTo(1);
            assertThat(last.path("data").path("code").asString()).isEqualTo("NO_CANDLES");
        }
        await().atMost(WAIT).until(() -> "failed".equals(rest().get("/api/backtesting/" + id).json().path("status").asString()));
    }

    private static void publishQueuedStatus(String id) throws Exception {
        StartBacktest request = new StartBacktest(id, "never runs", "BTC-USD", List.of("1h"),
                java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.Instant.parse("2024-02-01T00:00:00Z"),
                List.of("sma-crossover"), null, null, null, java.time.Instant.parse("2024-01-01T00:00:00Z"));
        java.util.Map<String, Object> props = java.util.Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class,
                org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(props)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.tapecast.schemas.Topics.BACKTEST_STATUS, id,
                    WireJson.mapper().writeValueAsBytes(BacktestStatus.queued(request, request.requestedAt()))))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private BacktestResult runEngineDirectly(String id) {
        JsonNode view = rest().get("/api/backtesting/" + id).json();
        StartBacktest request = WireJson.mapper().treeToValue(view.path("request"), StartBacktest.class);
        BacktestEngine engine = new BacktestEngine(new MarketData(DATA_DIR), StrategyCatalog.defaults());
        return engine.run(BacktestSpec.from(request), new BacktestListener() {
        });
    }
}

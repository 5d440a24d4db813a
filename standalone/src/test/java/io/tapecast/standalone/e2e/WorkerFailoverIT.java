package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two worker processes share a consumer group; the one running a backtest is killed with SIGKILL mid-run. The
 * other picks up the uncommitted request and runs it again; the viewer sees one continuous stream.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkerFailoverIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void aRunWhoseWorkerIsKilledCompletesOnAnotherWorkerWithoutGapOrRepeat() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String requests = KafkaTestBroker.createTopic("failover.requests." + suffix);
        String[] worker = {"--tapecast.topics.backtest-requests=" + requests, "--tapecast.worker.group-id=failover-" + suffix,
                "--tapecast.data-dir=" + DATA_DIR, "--logging.level.root=WARN"};
        String id = "backtest_20240101_000000_f" + suffix.substring(0, 5);

        try (WorkerProcess first = WorkerProcess.start("w1-" + suffix, worker)) {
            publishStart(id, requests);
            try (WsClient client = WsClient.connect(streamUrl(id))) {
                await().atMost(WAIT).until(() -> client.messages().stream().anyMatch(m -> m.path("seq").asLong() >= 2));
                first.kill();
                long seenBeforeKill = client.eventFrames().size();

                try (WorkerProcess second = WorkerProcess.start("w2-" + suffix, worker)) {
                    assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
                    List<JsonNode> events = client.messages().subList(1, client.messages().size());
                    assertThat(events.size()).isGreaterThan((int) seenBeforeKill);
                    assertThat(events).extracting(e -> e.path("seq").asLong())
                            .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
                    assertThat(events.stream().filter(e -> "complete".equals(e.path("type").asString()))).hasSize(1);
                    JsonNode complete = events.get(events.size() - 1);
                    assertThat(complete.path("data").path("status").asString()).isEqualTo("completed");
                    assertThat(complete.path("data").path("attempts").asInt()).isEqualTo(2);
                }
            }
        }
        JsonNode status = rest().get("/api/backtesting/" + id).json();
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("worker").asString()).startsWith("w2-");

        // the replay of the finished run is the second attempt, whole, from seq 1
        try (WsClient replay = WsClient.connect(streamUrl(id))) {
            assertThat(replay.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(replay.messages().get(0).path("data").path("attempts").asInt()).isEqualTo(2);
            List<JsonNode> events = replay.messages().subList(1, replay.messages().size());
            assertThat(events).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        }
    }

    /** What the gateway's start call does, aimed at this test's own requests topic. */
    private static void publishStart(String id, String requestsTopic) throws Exception {
        // ten years of minutes with slow averages: seconds of work for a cold JVM, a few thousand trades
        StartBacktest request = new StartBacktest(id, "fail-over", "BTC-USD", List.of("1m"),
                Instant.parse("2012-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"), List.of("sma-crossover"),
                Map.of("sma-crossover", Map.of("fast", 1000.0, "slow", 4000.0)), EngineOptions.defaults(), null, Instant.now());
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(io.tapecast.schemas.Topics.BACKTEST_STATUS, id,
                    WireJson.mapper().writeValueAsBytes(BacktestStatus.queued(request, request.requestedAt())))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(requestsTopic, id, WireJson.mapper().writeValueAsBytes(request))).get(30, TimeUnit.SECONDS);
        }
    }
}

package io.tapecast.standalone.feed;

import io.tapecast.feed.app.MarketFeedApplication;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed as its own process would run it, through the real broker, on a topic of its own. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MarketFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void publishesClosedAndFormingCandlesWithAnalysisAndARestartContinuesTheSameStream() {
        String topic = KafkaTestBroker.createTopic("market.events.it", 3, Map.of());
        List<JsonNode> first;
        try (ConfigurableApplicationContext feed = start(topic)) {
            await().atMost(WAIT).until(() -> count(topic, "1m", true) >= 130);
        }
        first = read(topic);
        List<JsonNode> minutes = candles(first, "1m", true);
        assertThat(minutes).extracting(m -> Instant.parse(m.path("data").path("open_time").asString()))
                .isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
        assertThat(first).extracting(e -> e.path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, first.size()).boxed().toList());
        assertThat(minutes.get(0).path("data").path("open_time").asString()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(candles(first, "5m", false)).isNotEmpty();
        assertThat(candles(first, "5m", true)).hasSizeGreaterThanOrEqualTo(25);
        assertThat(candles(first, "1h", true)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first).extracting(e -> e.path("type").asString()).contains("confluence", "structure");
        first.forEach(e -> WireSchemaValidator.assertValid(e.toString()));

        Instant lastMinute = Instant.parse(minutes.get(minutes.size() - 1).path("data").path("open_time").asString());
        long lastSeq = first.get(first.size() - 1).path("seq").asLong();
        try (ConfigurableApplicationContext feed = start(topic)) {
            await().atMost(WAIT).until(() -> count(topic, "1m", true) >= minutes.size() + 5);
        }
        List<JsonNode> all = read(topic);
        assertThat(all).extracting(e -> e.path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        JsonNode resumed = all.get((int) lastSeq);
        assertThat(resumed.path("data").path("timeframe").asString()).isEqualTo("1m");
        assertThat(Instant.parse(resumed.path("data").path("open_time").asString())).isEqualTo(lastMinute.plusSeconds(60));
    }

    private static ConfigurableApplicationContext start(String topic) {
        return MarketFeedApplication.run("--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--tapecast.topics.market-events=" + topic, "--tapecast.feed.symbols=BTC-USD",
                "--tapecast.feed.speed=6000", "--tapecast.feed.warmup=1d", "--spring.jmx.enabled=false");
    }

    private static List<JsonNode> candles(List<JsonNode> events, String timeframe, boolean closed) {
        return events.stream().filter(e -> "candle".equals(e.path("type").asString())
                && timeframe.equals(e.path("data").path("timeframe").asString())
                && e.path("data").path("closed").asBoolean() == closed).toList();
    }

    private static long count(String topic, String timeframe, boolean closed) {
        return candles(read(topic), timeframe, closed).size();
    }

    /** Every record of BTC-USD, in partition order, with the timeframe header checked against the body. */
    private static List<JsonNode> read(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!"BTC-USD".equals(record.key())) {
                        continue;
                    }
                    JsonNode event = WireJson.mapper().readTree(record.value());
                    var tf = record.headers().lastHeader(RecordHeaders.TIMEFRAME);
                    if (event.path("data").has("timeframe")) {
                        assertThat(new String(tf.value(), StandardCharsets.UTF_8)).isEqualTo(event.path("data").path("timeframe").asString());
                    }
                    events.add(event);
                }
            }
        }
        return events;
    }
}

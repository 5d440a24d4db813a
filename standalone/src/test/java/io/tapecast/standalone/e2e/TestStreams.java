package io.tapecast.standalone.e2e;

import io.tapecast.schemas.Topics;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the delivery tests: producers, a run that stays queued, seq extraction. */
final class TestStreams {

    private TestStreams() {
    }

    static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = KafkaTestBroker.clientConfig();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    static StartBacktest request(String id) {
        return new StartBacktest(id, "never runs", "BTC-USD", List.of("1h"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"), List.of("sma-crossover"), null, null, null,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** A run that is queued and never picked up (no request is published): its sessions stay open. */
    static String publishQueuedRun() throws Exception {
        String id = "backtest_20240101_000000_" + UUID.randomUUID().toString().substring(0, 6);
        StartBacktest request = request(id);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.BACKTEST_STATUS, id,
                    WireJson.mapper().writeValueAsBytes(BacktestStatus.queued(request, request.requestedAt()))))
                    .get(30, TimeUnit.SECONDS);
        }
        return id;
    }

    static List<Long> seqs(List<String> frames) {
        List<Long> seqs = new ArrayList<>();
        for (String frame : frames) {
            JsonNode node = WireJson.mapper().readTree(frame);
            if (node.has("seq")) {
                seqs.add(node.path("seq").asLong());
            }
        }
        return seqs;
    }
}

package io.tapecast.standalone.e2e;

import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.tapecast.standalone.e2e.TestStreams.seqs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention deleted the start of a stream (here: {@code deleteRecords} on a topic of this test's own): a client that
 * asks for it gets a {@code gap} message saying what it asked for and what is available, then the earliest retained.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RetentionGapIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = "backtest_20240301_000000_gapped";
    private static final String GONE = "backtest_20240301_000000_goneall";
    private static final String OTHER = "backtest_20240301_000000_others";
    private static final int EVENTS = 20;
    private static final int FIRST_RETAINED = 8;

    private static GatewayNode gateway;

    @BeforeAll
    static void writeRunsThenDeleteTheirStart() throws Exception {
        String events = KafkaTestBroker.createTopic("gap-events");
        String status = KafkaTestBroker.createTopic("gap-status");
        Map<Long, Long> offsetOfSeq = new HashMap<>();
        long goneFirstOffset;
        try (KafkaProducer<String, byte[]> producer = TestStreams.producer()) {
            goneFirstOffset = send(producer, events, GONE, 1, "progress");
            send(producer, events, GONE, 2, "progress");
            send(producer, events, GONE, 3, "complete");
            for (int seq = 1; seq <= EVENTS; seq++) {
                send(producer, events, OTHER, seq, "progress"); // another run shares the partition
                offsetOfSeq.put((long) seq, send(producer, events, RUN, seq, seq == EVENTS ? "complete" : "progress"));
            }
            publishStatus(producer, status, RUN, offsetOfSeq.get(1L), EVENTS);
            publishStatus(producer, status, GONE, goneFirstOffset, 3);
        }
        try (Admin admin = KafkaTestBroker.admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(events, 0),
                            RecordsToDelete.beforeOffset(offsetOfSeq.get((long) FIRST_RETAINED))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        gateway = GatewayNode.start("--tapecast.topics.backtest-events=" + events, "--tapecast.topics.backtest-status=" + status);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void askingForDeletedSeqsGivesAGapThenTheEarliestRetainedToTheEnd() {
        try (WsClient client = WsClient.connect(gateway.streamUrl(RUN))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            List<JsonNode> messages = client.messages();
            assertThat(messages.get(0).path("type").asString()).isEqualTo("connected");
            JsonNode gap = messages.get(1);
            assertThat(gap.path("type").asString()).isEqualTo("gap");
            assertThat(gap.has("seq")).isFalse();
            assertThat(gap.path("stream_id").asString()).isEqualTo(RUN);
            assertThat(gap.path("data").path("requested_from_seq").asLong()).isEqualTo(1);
            assertThat(gap.path("data").path("available_from_seq").asLong()).isEqualTo(FIRST_RETAINED);
            WireSchemaValidator.assertValid(client.frames().get(0));
            WireSchemaValidator.assertValid(client.frames().get(1));
            assertThat(seqs(client.frames())).containsExactlyElementsOf(
                    LongStream.rangeClosed(FIRST_RETAINED, EVENTS).boxed().toList());
        }
    }

    @Test
    void resumingInsideTheDeletedRangeGapsToTheFirstRetained() {
        try (WsClient client = WsClient.connect(gateway.streamUrl(RUN) + "?from_seq=3")) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            JsonNode gap = client.messages().get(1);
            assertThat(gap.path("data").path("requested_from_seq").asLong()).isEqualTo(4);
            assertThat(gap.path("data").path("available_from_seq").asLong()).isEqualTo(FIRST_RETAINED);
            assertThat(seqs(client.frames())).containsExactlyElementsOf(
                    LongStream.rangeClosed(FIRST_RETAINED, EVENTS).boxed().toList());
        }
    }

    @Test
    void resumingAfterTheDeletedRangeHasNoGap() {
        try (WsClient client = WsClient.connect(gateway.streamUrl(RUN) + "?from_seq=10")) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(client.messages()).noneMatch(m -> "gap".equals(m.path("type").asString()));
            assertThat(seqs(client.frames())).containsExactlyElementsOf(LongStream.rangeClosed(11, EVENTS).boxed().toList());
        }
    }

    @Test
    void aFinishedRunWithNothingRetainedGetsAGapAndANormalCloseInsteadOfSilence() {
        try (WsClient client = WsClient.connect(gateway.streamUrl(GONE))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            List<JsonNode> messages = client.messages();
            assertThat(messages).extracting(m -> m.path("type").asString()).containsExactly("connected", "gap");
            assertThat(messages.get(1).path("data").path("requested_from_seq").asLong()).isEqualTo(1);
            assertThat(messages.get(1).path("data").path("available_from_seq").asLong()).isEqualTo(4);
        }
    }

    private static long send(KafkaProducer<String, byte[]> producer, String topic, String id, long seq, String type)
            throws Exception {
        String value = "{\"type\":\"" + type + "\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"stream\":\"backtest\","
                + "\"stream_id\":\"" + id + "\",\"seq\":" + seq + ",\"data\":{}}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, id, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(type));
        return producer.send(record).get(30, TimeUnit.SECONDS).offset();
    }

    private static void publishStatus(KafkaProducer<String, byte[]> producer, String topic, String id, long firstOffset,
                                      long lastSeq) throws Exception {
        StartBacktest request = TestStreams.request(id);
        Instant now = Instant.parse("2024-03-01T00:00:00Z");
        // "failed" is a final state that needs no metrics; any final state reads the same way
        BacktestStatus finished = BacktestStatus.queued(request, now).running("test-worker", 1, 0, firstOffset, now)
                .failed(lastSeq, new BacktestError("TEST", "written by the test"), now);
        producer.send(new ProducerRecord<>(topic, id, WireJson.mapper().writeValueAsBytes(finished))).get(30, TimeUnit.SECONDS);
    }
}

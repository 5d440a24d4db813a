package io.tapecast.loadtest;

import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.SchemaResources;
import io.tapecast.schemas.testing.WireSchemaValidator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WireTest {

    private static final Instant SENT = Instant.parse("2026-03-04T05:06:07.123456Z");

    @Test
    void progressEventsAreValidEnvelopesStampedWithTheSendTime() {
        String json = new String(Wire.progress("loadtest_x_1", 42, SENT), StandardCharsets.UTF_8);
        WireSchemaValidator.assertValid(json);
        assertThat(json).startsWith("{\"type\":\"progress\",\"timestamp\":\"2026-03-04T05:06:07.123456Z\"");
        assertThat(Wire.seq(json)).isEqualTo(42);
        assertThat(Wire.type(json)).isEqualTo("progress");
        assertThat(Wire.timestampMicros(json)).isEqualTo(SENT.getEpochSecond() * 1_000_000L + 123_456);
    }

    @Test
    void theFinalEventAndTheStatusesAreValidToo() {
        String complete = new String(Wire.complete("loadtest_x_1", 1_000_000, SENT), StandardCharsets.UTF_8);
        WireSchemaValidator.assertValid(complete);
        assertThat(Wire.isType(complete, "complete")).isTrue();
        assertThat(Wire.isType(complete, "completed")).isFalse();
        var running = Wire.running("loadtest_x_1", 3, 1234, SENT);
        WireSchemaValidator.assertValid(new String(Wire.json(running), StandardCharsets.UTF_8), SchemaResources.BACKTEST_STATUS);
        assertThat(running.partition()).isEqualTo(3);
        assertThat(running.firstOffset()).isEqualTo(1234);
        WireSchemaValidator.assertValid(new String(Wire.json(Wire.completed(running, 1_000_000, SENT)), StandardCharsets.UTF_8),
                SchemaResources.BACKTEST_STATUS);
    }

    @Test
    void recordsCarryTheStreamIdAsKeyAndTypeAndSeqHeaders() {
        ProducerRecord<String, byte[]> r = Wire.eventRecord("backtest.events", null, "loadtest_x_1", 7, "progress", new byte[]{1});
        assertThat(r.key()).isEqualTo("loadtest_x_1");
        assertThat(RecordHeaders.decodeSeq(r.headers().lastHeader("seq").value())).isEqualTo(7);
        assertThat(RecordHeaders.decodeType(r.headers().lastHeader("type").value())).isEqualTo("progress");
    }

    @Test
    void gatewayMessagesHaveNoSeq() {
        String connected = "{\"type\":\"connected\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"stream\":\"backtest\","
                + "\"stream_id\":\"a\",\"data\":{\"status\":\"running\",\"from_seq\":0,\"last_seq\":1}}";
        assertThat(Wire.seq(connected)).isEqualTo(-1);
        assertThat(Wire.isType(connected, "connected")).isTrue();
        assertThat(Wire.seq(new StringBuilder("{\"type\":\"progress\",\"seq\":123,\"data\":{}}"))).isEqualTo(123);
    }

    @Test
    void timestampsParseLikeInstantParseForEveryPrecision() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 500_000_000L, random.nextInt(1_000_000_000));
            String text = t.toString();
            long expected = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
            assertThat(Wire.parseIsoMicros(text, 0, text.length())).as(text).isEqualTo(expected);
        }
        assertThat(Wire.parseIsoMicros("2024-02-29T23:59:59Z", 0, 20)).isEqualTo(Instant.parse("2024-02-29T23:59:59Z").toEpochMilli() * 1000);
        assertThat(Wire.parseIsoMicros("x2024-02-11T14:30:22.1Zy", 1, 23)).isEqualTo(Instant.parse("2024-02-11T14:30:22.1Z").toEpochMilli() * 1000);
    }

    @Test
    void civilDaysMatchTheJdk() {
        for (LocalDate d = LocalDate.of(1899, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(13)) {
            assertThat(Wire.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
        }
    }
}

package io.tapecast.loadtest;

import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The load tool's side of the wire contract. Events are real {@code progress} envelopes whose envelope
 * {@code timestamp} ("when the message was created, wall clock of the writer") is taken the moment the record is
 * handed to the producer: it is the send timestamp, so no field outside the schema is needed. The last event of a
 * finished run is a real {@code complete}. Receivers pick {@code type}, {@code seq} and {@code timestamp} out of
 * the text without a JSON parser, so the client's cost per message stays small.
 */
final class Wire {

    /** The simulated clock of the synthetic runs (progress events need one). */
    static final Instant SIMULATED_START = Instant.parse("2024-01-01T00:00:00Z");
    static final long CANDLES_TOTAL = 1_000_000_000L;

    private Wire() {
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** A {@code progress} event, seq {@code seq} of {@code streamId}, stamped {@code sentAt}. */
    static byte[] progress(String streamId, long seq, Instant sentAt) {
        long candles = Math.min(seq, CANDLES_TOTAL);
        Progress data = new Progress(candles, CANDLES_TOTAL, candles * 100.0 / CANDLES_TOTAL,
                SIMULATED_START.plusSeconds(60 * candles), 10_000 + (seq % 1000) / 10.0, (seq % 1000) / 10.0,
                (int) (seq % 100), 50.0);
        return WireJson.mapper().writeValueAsBytes(Envelope.event(StreamType.BACKTEST, streamId, seq, sentAt, data));
    }

    /** The {@code complete} event that ends a synthetic run at seq {@code seq}. */
    static byte[] complete(String streamId, long seq, Instant at) {
        BacktestMetrics metrics = metrics();
        Complete data = new Complete(Complete.COMPLETED, metrics.finalEquity(), metrics.tradeCount(), metrics,
                Map.of(), seq, 60_000L * seq, 1);
        return WireJson.mapper().writeValueAsBytes(Envelope.event(StreamType.BACKTEST, streamId, seq, at, data));
    }

    static BacktestMetrics metrics() {
        return new BacktestMetrics(10_000, 10_000, 0, 0, null, 0, 0, null, null, null, 0, 0, 0, 0, null, null, null,
                null, null, null, null, 0, 0, 0);
    }

    /** The start command a synthetic run's status carries (the status schema requires one). */
    static StartBacktest request(String streamId, Instant now) {
        return new StartBacktest(streamId, "load test " + streamId, "LOAD-TEST", List.of("1m"), SIMULATED_START,
                SIMULATED_START.plusSeconds(86_400L * 365), List.of("sma-crossover"), Map.of(), null, "loadtest", now);
    }

    /** What a worker writes once seq 1 is stored at {@code partition}/{@code offset}. */
    static BacktestStatus running(String streamId, int partition, long offset, Instant now) {
        return BacktestStatus.queued(request(streamId, now), now).running("loadtest", 1, partition, offset, now);
    }

    static BacktestStatus completed(BacktestStatus running, long lastSeq, Instant now) {
        return running.completed(lastSeq, metrics(), now);
    }

    static byte[] json(Object value) {
        return WireJson.mapper().writeValueAsBytes(value);
    }

    /** A record of an events topic: key = stream id, headers {@code type} and {@code seq} (8-byte big-endian). */
    static ProducerRecord<String, byte[]> eventRecord(String topic, Integer partition, String streamId, long seq, String type,
                                                      byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, streamId, value);
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(type));
        record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
        return record;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private static final String SEQ_FIELD = "\"seq\":";
    private static final String TIMESTAMP_FIELD = "\"timestamp\":\"";
    private static final String TYPE_PREFIX = "{\"type\":\"";

    /** The envelope's {@code seq}, or -1 for a message without one (gateway-made messages). */
    static long seq(CharSequence text) {
        int at = indexOf(text, SEQ_FIELD, 0);
        if (at < 0) {
            return -1;
        }
        int i = at + SEQ_FIELD.length();
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    /** The envelope's {@code type} when it is the first field (as every Tapecast writer emits it), else null. */
    static String type(CharSequence text) {
        if (!startsWith(text, TYPE_PREFIX)) {
            return null;
        }
        int start = TYPE_PREFIX.length();
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                return text.subSequence(start, i).toString();
            }
        }
        return null;
    }

    static boolean isType(CharSequence text, String type) {
        if (!startsWith(text, TYPE_PREFIX)) {
            return false;
        }
        int start = TYPE_PREFIX.length();
        int end = start + type.length();
        if (text.length() <= end || text.charAt(end) != '"') {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            if (text.charAt(start + i) != type.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The envelope {@code timestamp} in microseconds since the epoch, or {@link Long#MIN_VALUE} when absent. */
    static long timestampMicros(CharSequence text) {
        int at = indexOf(text, TIMESTAMP_FIELD, 0);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int start = at + TIMESTAMP_FIELD.length();
        int end = start;
        while (end < text.length() && text.charAt(end) != '"') {
            end++;
        }
        return parseIsoMicros(text, start, end);
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (the envelope's UTC timestamp) into epoch microseconds without
     * allocating; fractions finer than a microsecond are truncated.
     */
    static long parseIsoMicros(CharSequence s, int start, int end) {
        if (end - start < 20 || s.charAt(end - 1) != 'Z' || s.charAt(start + 4) != '-' || s.charAt(start + 10) != 'T') {
            throw new IllegalArgumentException("not a UTC timestamp: " + s.subSequence(start, end));
        }
        int year = digits(s, start, 4);
        int month = digits(s, start + 5, 2);
        int day = digits(s, start + 8, 2);
        int hour = digits(s, start + 11, 2);
        int minute = digits(s, start + 14, 2);
        int second = digits(s, start + 17, 2);
        long micros = 0;
        int i = start + 19;
        if (s.charAt(i) == '.') {
            i++;
            int scale = 100_000;
            for (; i < end - 1; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("bad fraction in " + s.subSequence(start, end));
                }
                micros += (long) (c - '0') * scale;
                scale /= 10;
            }
        }
        long epochSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return epochSeconds * 1_000_000L + micros;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("expected a digit at " + (i - from) + " of " + s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean startsWith(CharSequence text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(CharSequence text, String needle, int from) {
        if (text instanceof String s) {
            return s.indexOf(needle, from);
        }
        int last = text.length() - needle.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (text.charAt(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

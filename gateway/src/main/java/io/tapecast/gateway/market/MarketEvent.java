package io.tapecast.gateway.market;

import io.tapecast.schemas.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.Optional;

/**
 * One market-data event as it came from Kafka: the symbol (key), seq, type and timeframe from the headers, and the
 * record value, forwarded unchanged.
 */
public record MarketEvent(String symbol, long seq, String type, String timeframe, byte[] value) {

    /** The event, or empty when the record lacks a key or the seq/type headers. */
    public static Optional<MarketEvent> of(ConsumerRecord<String, byte[]> record) {
        Header seq = record.headers().lastHeader(RecordHeaders.SEQ);
        Header type = record.headers().lastHeader(RecordHeaders.TYPE);
        Header timeframe = record.headers().lastHeader(RecordHeaders.TIMEFRAME);
        if (record.key() == null || record.value() == null || seq == null || type == null || seq.value() == null
                || seq.value().length != Long.BYTES || type.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new MarketEvent(record.key(), RecordHeaders.decodeSeq(seq.value()),
                RecordHeaders.decodeType(type.value()),
                timeframe == null || timeframe.value() == null ? null : RecordHeaders.decodeType(timeframe.value()),
                record.value()));
    }

    /** Successive candles of one timeframe replace each other for a client that cannot keep up. */
    public String conflationKey() {
        return "candle".equals(type) && timeframe != null ? "candle:" + timeframe : null;
    }
}

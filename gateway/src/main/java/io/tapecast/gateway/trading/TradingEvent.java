package io.tapecast.gateway.trading;

import io.tapecast.schemas.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One live-trading event as it came from Kafka: the account (key), seq and type from the headers, the symbol
 * header of symbol-level events ({@code order}, {@code position}; absent on account-level {@code pnl}, {@code risk}),
 * and the record value, forwarded unchanged.
 */
public record TradingEvent(String account, long seq, String type, String symbol, byte[] value) {

    public static Optional<TradingEvent> of(ConsumerRecord<String, byte[]> record) {
        Header seq = record.headers().lastHeader(RecordHeaders.SEQ);
        Header type = record.headers().lastHeader(RecordHeaders.TYPE);
        Header symbol = record.headers().lastHeader("symbol");
        if (record.key() == null || record.value() == null || seq == null || type == null || seq.value() == null
                || seq.value().length != Long.BYTES || type.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new TradingEvent(record.key(), RecordHeaders.decodeSeq(seq.value()),
                RecordHeaders.decodeType(type.value()),
                symbol == null || symbol.value() == null ? null : new String(symbol.value(), StandardCharsets.UTF_8),
                record.value()));
    }

    public boolean accountLevel() {
        return symbol == null;
    }
}

package io.tapecast.gateway.fanout;

import io.tapecast.schemas.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.Optional;

/** Reads an event's routing data from record headers, so the gateway never parses the JSON it forwards. */
public final class Records {

    private Records() {
    }

    /** The event, or empty when the record lacks a key or valid {@code seq}/{@code type} headers. */
    public static Optional<StreamEvent> toEvent(ConsumerRecord<String, byte[]> record) {
        Header seq = record.headers().lastHeader(RecordHeaders.SEQ);
        Header type = record.headers().lastHeader(RecordHeaders.TYPE);
        if (record.key() == null || record.value() == null || seq == null || type == null || seq.value() == null
                || seq.value().length != Long.BYTES || type.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new StreamEvent(record.key(), RecordHeaders.decodeSeq(seq.value()),
                RecordHeaders.decodeType(type.value()), record.value()));
    }
}

package io.tapecast.feed.publish;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.WireJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds where a symbol's stream ended: reads its partition (Kafka's default partitioner: murmur2 of the key)
 * backwards in windows from the end until it meets the symbol's records, keeping the last seq and the last closed
 * 1m candle. Only the tail is read, however long the topic's history.
 */
public final class StreamTail {

    private static final long WINDOW = 5_000;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Duration timeout;

    public StreamTail(Supplier<Consumer<String, byte[]>> consumers, String topic, Duration timeout) {
        this.consumers = consumers;
        this.topic = topic;
        this.timeout = timeout;
    }

    public StreamPosition positionOf(String symbol) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            int p = Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % partitions.size();
            TopicPartition tp = new TopicPartition(topic, p);
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            for (long windowEnd = end; windowEnd > begin; windowEnd = Math.max(begin, windowEnd - WINDOW)) {
                long windowStart = Math.max(begin, windowEnd - WINDOW);
                StreamPosition found = scan(consumer, tp, symbol, windowStart, windowEnd);
                if (found.lastSeq() > 0 && found.lastMinute() != null) {
                    return found;
                }
            }
            return StreamPosition.FRESH;
        }
    }

    private StreamPosition scan(Consumer<String, byte[]> consumer, TopicPartition tp, String symbol, long from, long to) {
        consumer.seek(tp, from);
        long lastSeq = 0;
        Instant lastMinute = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(tp, timeout) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= to || !symbol.equals(record.key())) {
                    continue;
                }
                Header seq = record.headers().lastHeader(RecordHeaders.SEQ);
                if (seq != null) {
                    lastSeq = Math.max(lastSeq, RecordHeaders.decodeSeq(seq.value()));
                }
                Header type = record.headers().lastHeader(RecordHeaders.TYPE);
                if (type != null && EventTypes.CANDLE.equals(RecordHeaders.decodeType(type.value()))) {
                    JsonNode data = WireJson.mapper().readTree(record.value()).path("data");
                    if ("1m".equals(data.path("timeframe").asString()) && data.path("closed").asBoolean()) {
                        lastMinute = Instant.parse(data.path("open_time").asString());
                    }
                }
            }
        }
        return new StreamPosition(lastSeq, lastMinute);
    }
}

package io.tapecast.worker.run;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds a run's latest status on {@code backtest.status} when a worker picks up its request, to tell a first
 * attempt from a retry after another worker died. It reads only the one partition the key maps to (Kafka's
 * default partitioner: murmur2 of the key), which compaction keeps short.
 */
public final class StatusHistory implements Function<String, Optional<BacktestStatus>> {

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Duration timeout;

    public StatusHistory(Supplier<Consumer<String, byte[]>> consumers, String topic, Duration timeout) {
        this.consumers = consumers;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public Optional<BacktestStatus> apply(String backtestId) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions.isEmpty()) {
                throw new PublishFailedException("topic " + topic + " not found", null);
            }
            int partition = Utils.toPositive(Utils.murmur2(backtestId.getBytes(StandardCharsets.UTF_8))) % partitions.size();
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            byte[] latest = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(tp, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new PublishFailedException("reading " + topic + " took longer than " + timeout, null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (backtestId.equals(record.key())) {
                        latest = record.value();
                    }
                }
            }
            return latest == null ? Optional.empty() : Optional.of(WireJson.mapper().readValue(latest, BacktestStatus.class));
        }
    }
}

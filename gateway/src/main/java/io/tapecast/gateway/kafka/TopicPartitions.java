package io.tapecast.gateway.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Looks up a topic's partitions, waiting for the topic to exist (a cluster may still be creating it). */
public final class TopicPartitions {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitions.class);

    private TopicPartitions() {
    }

    public static List<TopicPartition> all(Consumer<?, ?> consumer, String topic, Duration wait, BooleanSupplier stillWanted) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<PartitionInfo> infos = List.of();
        while (stillWanted.getAsBoolean() && infos.isEmpty() && System.nanoTime() < deadline) {
            try {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                // the cluster is still starting (or electing leaders): ask again until the deadline
                log.warn("metadata of topic {} not available yet: {}", topic, e.getMessage());
                infos = List.of();
            }
            if (infos.isEmpty()) {
                log.warn("topic {} not found yet; waiting for it to be created", topic);
            }
        }
        if (infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }
}

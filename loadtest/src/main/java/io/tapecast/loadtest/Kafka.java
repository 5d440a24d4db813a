package io.tapecast.loadtest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Kafka clients configured as the platform's own: the worker's producer and the gateway's consumer settings. */
final class Kafka {

    private Kafka() {
    }

    /** Acks=all and idempotence like the worker; {@code lingerMs} 5 like the worker, more for bulk loads. */
    static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs, int batchBytes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "tapecast-loadtest");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** The gateway's consumer settings (no group, read_committed, String keys, byte[] values), nothing tuned. */
    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tapecast-loadtest-bare");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /** Kafka's default partitioner for a keyed record: murmur2 of the UTF-8 key, modulo the partition count. */
    static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** End offsets of every partition of a topic. */
    static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /** What a bare consumer read: records (those of the wanted keys), bytes, time, and time to the first record. */
    record ReadResult(long records, long matching, long bytes, long nanos, long firstRecordNanos) {
        double recordsPerSecond() {
            return nanos == 0 ? 0 : records * 1e9 / nanos;
        }

        /** Records per second from the first record on (without the consumer's start-up). */
        double recordsPerSecondAfterFirst() {
            return nanos - firstRecordNanos <= 0 ? 0 : records * 1e9 / (nanos - firstRecordNanos);
        }

        double matchingPerSecond() {
            return nanos == 0 ? 0 : matching * 1e9 / nanos;
        }
    }

    /**
     * One bare {@link KafkaConsumer} reads {@code [from, to)} of each partition as fast as it can (the ceiling of
     * one reader), counting records whose key passes {@code keyFilter} (null: all). The clock starts before the
     * consumer is created, as a gateway's catch-up read does.
     */
    static ReadResult readRange(String bootstrap, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
                                java.util.function.Predicate<String> keyFilter) {
        long start = System.nanoTime();
        long first = 0;
        long records = 0;
        long matching = 0;
        long bytes = 0;
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> wanted = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
                if (to.getOrDefault(e.getKey(), 0L) > e.getValue()) {
                    wanted.add(e.getKey());
                }
            }
            if (wanted.isEmpty()) {
                return new ReadResult(0, 0, 0, 0, 0);
            }
            c.assign(wanted);
            wanted.forEach(tp -> c.seek(tp, from.get(tp)));
            Map<TopicPartition, Long> remaining = new HashMap<>();
            wanted.forEach(tp -> remaining.put(tp, to.get(tp)));
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    if (first == 0) {
                        first = System.nanoTime() - start;
                    }
                    records++;
                    bytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
                    if (keyFilter == null || keyFilter.test(r.key())) {
                        matching++;
                    }
                }
                remaining.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
            }
        }
        return new ReadResult(records, matching, bytes, System.nanoTime() - start, first);
    }
}

package io.tapecast.gateway.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Where the gateway gets its Kafka clients, so the logic that uses them can be tested with mocks and
 * proven with the real broker. Consumers are group-less: a gateway assigns partitions itself and never
 * commits, because every node reads everything and keeps no state but what Kafka holds.
 */
public interface KafkaClients {

    Consumer<String, byte[]> newConsumer(String purpose);

    /** One producer shared by the node (thread-safe, idempotent, acks=all). */
    Producer<String, byte[]> producer();
}

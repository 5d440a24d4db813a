package io.tapecast.gateway.fanout;

import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.gateway.kafka.TopicPartitions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The node's one reader of an event topic: all partitions, no consumer group, starting at the end when the
 * node starts, feeding every local session through the hub. Never one consumer per client. Catch-up of
 * what happened before a session joined is the replay reader's job; the hand-off meets at a seq.
 */
public final class LiveTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveTail.class);

    private final KafkaClients clients;
    private final String topic;
    private final RecordSink sink;
    private final long warmRecords;
    private final Thread reader;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    private volatile long eventsRead;
    private volatile long lag;

    /** Where a live reader's records go: one call per record, on the reader's thread, which must not block. */
    public interface RecordSink {
        void accept(ConsumerRecord<String, byte[]> record);

        /** The reader stopped for good; the sink's sessions can no longer be served. */
        void failed(String reason);
    }

    public LiveTail(KafkaClients clients, String topic, StreamHub hub) {
        this(clients, topic, new RecordSink() {
            @Override
            public void accept(ConsumerRecord<String, byte[]> record) {
                Records.toEvent(record).ifPresentOrElse(hub::dispatch,
                        () -> log.warn("skipping record without key or seq/type headers at {}-{}@{}",
                                record.topic(), record.partition(), record.offset()));
            }

            @Override
            public void failed(String reason) {
                hub.failAll(reason);
            }
        }, 0);
    }

    /**
     * A reader that starts {@code warmRecords} before each partition's end (0: at the end), so a sink that keeps the
     * latest state (market snapshots) is filled from the recent past as soon as the node starts.
     */
    public LiveTail(KafkaClients clients, String topic, RecordSink sink, long warmRecords) {
        this.clients = clients;
        this.topic = topic;
        this.sink = sink;
        this.warmRecords = warmRecords;
        this.reader = new Thread(this::readLoop, "live-tail-" + topic);
        this.reader.setDaemon(true);
    }

    /** Starts reading and returns once the reader's start position is fixed (so no later event is missed). */
    public void start(Duration timeout) {
        reader.start();
        try {
            if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the live reader of " + topic + " did not start within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the live reader", e);
        }
    }

    public long eventsRead() {
        return eventsRead;
    }

    public String topic() {
        return topic;
    }

    /**
     * Records behind the partitions' ends (end offsets minus positions) as of the last fetch, summed over the
     * topic's partitions: how far this node's live delivery trails the log. From the consumer's cached fetch
     * metadata, so reading it costs nothing.
     */
    public long lag() {
        return lag;
    }

    private void readLoop() {
        try (Consumer<String, byte[]> c = clients.newConsumer("live-tail")) {
            consumer = c;
            List<TopicPartition> partitions = TopicPartitions.all(c, topic, Duration.ofMinutes(2), () -> running);
            c.assign(partitions);
            c.seekToEnd(partitions);
            partitions.forEach(c::position);
            if (warmRecords > 0) {
                Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    c.seek(partition, Math.max(begin.get(partition), c.position(partition) - warmRecords));
                }
            }
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(100))) {
                    eventsRead++;
                    sink.accept(record);
                }
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    behind += c.currentLag(partition).orElse(0);
                }
                lag = behind;
            }
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        log.error("the live reader of {} stopped; closing its sessions", topic, e);
        sink.failed("the gateway lost its Kafka reader");
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

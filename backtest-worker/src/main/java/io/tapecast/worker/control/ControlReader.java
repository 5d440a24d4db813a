package io.tapecast.worker.control;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.ControlCommand;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every worker reads all of {@code backtest.control} (no consumer group, every partition, from the start of
 * what is retained) and hands each command to {@link RunControls}: only the worker running the backtest acts
 * on it, and a command for a queued run is remembered for when a worker picks it up.
 */
public final class ControlReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControlReader.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final RunControls controls;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private Thread reader;

    public ControlReader(Supplier<Consumer<String, byte[]>> consumers, String topic, RunControls controls) {
        this.consumers = consumers;
        this.topic = topic;
        this.controls = controls;
    }

    /** Starts reading and waits (bounded) until the retained history is applied, so queued runs start in their state. */
    @Override
    public void start() {
        running = true;
        reader = new Thread(this::readLoop, "control-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!caughtUp.await(60, TimeUnit.SECONDS)) {
                log.warn("control history not read within 60 s; starting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        try (Consumer<String, byte[]> c = consumers.get()) {
            consumer = c;
            List<PartitionInfo> infos = List.of();
            while (running && infos.isEmpty()) {
                infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos.isEmpty()) {
                    log.warn("topic {} not found yet; waiting for it", topic);
                }
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> history = c.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(100))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && history.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("control reader woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("control reader stopped: cancel, pause and resume will not reach this worker", e);
        } finally {
            caughtUp.countDown();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            controls.apply(WireJson.mapper().readValue(record.value(), ControlCommand.class));
        } catch (RuntimeException e) {
            log.warn("ignoring unreadable control command at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the request listener, so commands for queued runs are known when a run starts. */
    @Override
    public int getPhase() {
        return 0;
    }
}

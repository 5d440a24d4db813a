package io.tapecast.gateway.replay;

import io.tapecast.gateway.fanout.Records;
import io.tapecast.gateway.fanout.StreamEvent;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Catch-up reads: delivers a stream's history from Kafka to one session, then hands it to the live tail.
 * The start comes from the status index (partition and offset of seq 1), never from scanning a partition
 * from offset 0. The read ends at the partition's end offset taken <em>after</em> the session subscribed to
 * the live tail, so whatever the catch-up does not cover, the live buffer does.
 */
public final class ReplayService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final KafkaClients clients;
    private final String eventsTopic;
    private final StatusIndex index;
    private final Duration kafkaTimeout;
    private final ExecutorService readers;
    private final AtomicInteger inProgress = new AtomicInteger();

    public ReplayService(KafkaClients clients, String eventsTopic, StatusIndex index, int threads, Duration kafkaTimeout) {
        this.clients = clients;
        this.eventsTopic = eventsTopic;
        this.index = index;
        this.kafkaTimeout = kafkaTimeout;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the catch-up of {@code streamId} for {@code target}. A run that has not yet published seq 1
     * is waited for without holding a thread: the read starts when the index learns where seq 1 is.
     */
    public Replay start(String streamId, ReplayTarget target) {
        Replay replay = new Replay();
        java.util.function.Consumer<BacktestStatus> listener = status -> {
            if (status.backtestId().equals(streamId) && status.hasReplayStart()) {
                replay.launch(status, target);
            }
        };
        replay.listener = listener;
        index.addListener(listener);
        index.find(streamId).filter(BacktestStatus::hasReplayStart).ifPresent(status -> replay.launch(status, target));
        return replay;
    }

    public int inProgress() {
        return inProgress.get();
    }

    /** Lets cancelled reads finish their last poll and close their consumers, then stops the rest. */
    @Override
    public void close() {
        readers.shutdown();
        try {
            if (!readers.awaitTermination(2, TimeUnit.SECONDS)) {
                readers.shutdownNow();
            }
        } catch (InterruptedException e) {
            readers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A handle on one session's catch-up. */
    public final class Replay {

        private final AtomicBoolean launched = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<Future<?>> task = new AtomicReference<>();
        private volatile java.util.function.Consumer<BacktestStatus> listener;

        private void launch(BacktestStatus status, ReplayTarget target) {
            if (cancelled.get() || !launched.compareAndSet(false, true)) {
                return;
            }
            index.removeListener(listener);
            task.set(readers.submit(() -> read(status, target)));
        }

        /**
         * Stops the catch-up. A read in progress ends at its next poll (at most 200 ms): neither interrupt nor
         * wakeup, which would make the consumer's own close fail.
         */
        public void cancel() {
            cancelled.set(true);
            index.removeListener(listener);
            Optional.ofNullable(task.get()).ifPresent(f -> f.cancel(false));
        }

        private void read(BacktestStatus status, ReplayTarget target) {
            inProgress.incrementAndGet();
            TopicPartition partition = new TopicPartition(eventsTopic, status.partition());
            try (Consumer<String, byte[]> consumer = clients.newConsumer("replay")) {
                if (cancelled.get()) {
                    return;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, status.firstOffset());
                long end = consumer.endOffsets(List.of(partition), kafkaTimeout).get(partition);
                while (!cancelled.get() && consumer.position(partition, kafkaTimeout) < end) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() >= end) {
                            break;
                        }
                        if (!status.backtestId().equals(record.key())) {
                            continue;
                        }
                        Optional<StreamEvent> event = Records.toEvent(record);
                        if (event.isPresent() && !target.onReplay(event.get())) {
                            return;
                        }
                    }
                }
                if (!cancelled.get()) {
                    target.goLive();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!cancelled.get()) {
                    log.error("catch-up of {} failed", status.backtestId(), e);
                    target.onReplayFailed("could not read the stream from Kafka; reconnect with from_seq");
                }
            } finally {
                inProgress.decrementAndGet();
            }
        }
    }

}

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
import org.slf4j.MDC;

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
        return start(streamId, null, target);
    }

    /** As {@link #start(String, ReplayTarget)}, logging with the session's id. */
    public Replay start(String streamId, String sessionId, ReplayTarget target) {
        Replay replay = new Replay(sessionId);
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
        private final String sessionId;

        private Replay(String sessionId) {
            this.sessionId = sessionId;
        }

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
            MDC.put("stream_id", status.backtestId());
            if (sessionId != null) {
                MDC.put("session_id", sessionId);
            }
            TopicPartition partition = new TopicPartition(eventsTopic, status.partition());
            try (Consumer<String, byte[]> consumer = clients.newConsumer("replay")) {
                if (cancelled.get()) {
                    return;
                }
                consumer.assign(List.of(partition));
                long logStart = consumer.beginningOffsets(List.of(partition), kafkaTimeout).get(partition);
                // Retention (or deleteRecords) removed the run's first records: read from what is left and tell
                // the client where its stream now starts (a gap message) before the first retained event.
                boolean truncated = logStart > status.firstOffset();
                consumer.seek(partition, Math.max(logStart, status.firstOffset()));
                boolean seenAny = false;
                long end = consumer.endOffsets(List.of(partition), kafkaTimeout).get(partition);
                while (!cancelled.get()) {
                    while (!cancelled.get() && consumer.position(partition, kafkaTimeout) < end) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.offset() >= end) {
                                // Past the end is the live buffer's part. Rewind to the end: if that buffer
                                // overflows, the read goes on from exactly here, skipping nothing.
                                consumer.seek(partition, end);
                                break;
                            }
                            if (!status.backtestId().equals(record.key())) {
                                continue;
                            }
                            Optional<StreamEvent> event = Records.toEvent(record);
                            if (event.isEmpty()) {
                                continue;
                            }
                            if (!seenAny && truncated && target.onGap(event.get().seq())) {
                                log.info("events of {} before seq {} are no longer retained; sent a gap",
                                        status.backtestId(), event.get().seq());
                            }
                            seenAny = true;
                            if (!target.onReplay(event.get())) {
                                return;
                            }
                        }
                    }
                    if (cancelled.get()) {
                        return;
                    }
                    if (!seenAny && truncated && status.state().isFinal()) {
                        // A finished run none of whose events is retained: nothing will ever follow.
                        target.onNothingRetained(status.lastSeq());
                        return;
                    }
                    if (target.goLive()) {
                        return;
                    }
                    // The session's live buffer overflowed during the catch-up: read on to the current end.
                    end = consumer.endOffsets(List.of(partition), kafkaTimeout).get(partition);
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
                MDC.remove("stream_id");
                MDC.remove("session_id");
            }
        }
    }

}

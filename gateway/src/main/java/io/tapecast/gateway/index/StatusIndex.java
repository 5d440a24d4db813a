package io.tapecast.gateway.index;

import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.gateway.kafka.TopicPartitions;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This node's copy of the compacted {@code backtest.status} topic: every run's latest status, read from the
 * beginning at start-up and kept current by one reader thread. It is the replay index (partition and offset
 * of seq 1) and the REST view. "Caught up" is exact: {@link #awaitCaughtUp} waits until the reader has
 * passed every status written before the call, so "unknown id" is never a race with another node's start.
 */
public final class StatusIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusIndex.class);

    private final KafkaClients clients;
    private final String topic;
    private final Map<String, BacktestStatus> byId = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<BacktestStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    public StatusIndex(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
        this.reader = new Thread(this::readLoop, "status-index-reader");
        this.reader.setDaemon(true);
    }

    public void start(Duration loadTimeout) {
        reader.start();
        try {
            awaitCaughtUp(loadTimeout);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the status index did not load " + topic + " within " + loadTimeout, e);
        }
        log.info("status index loaded: {} runs from {}", byId.size(), topic);
    }

    public Optional<BacktestStatus> find(String backtestId) {
        return Optional.ofNullable(byId.get(backtestId));
    }

    /** All runs, newest first. */
    public List<BacktestStatus> all() {
        List<BacktestStatus> runs = new ArrayList<>(byId.values());
        runs.sort(Comparator.comparing(BacktestStatus::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(BacktestStatus::backtestId));
        return runs;
    }

    public int size() {
        return byId.size();
    }

    /** Called on the reader thread for every status applied; keep it short. */
    public void addListener(java.util.function.Consumer<BacktestStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(java.util.function.Consumer<BacktestStatus> listener) {
        listeners.remove(listener);
    }

    /** Returns once every status written before this call has been applied. */
    public void awaitCaughtUp(Duration timeout) throws TimeoutException {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("status index reader failed", e.getCause());
        }
    }

    private void readLoop() {
        try (Consumer<String, byte[]> c = clients.newConsumer("status-index")) {
            consumer = c;
            List<TopicPartition> partitions = TopicPartitions.all(c, topic, Duration.ofMinutes(2), () -> running);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            List<Pending> pending = new ArrayList<>();
            while (running) {
                CompletableFuture<Void> request;
                while ((request = catchUpRequests.poll()) != null) {
                    pending.add(new Pending(request, c.endOffsets(partitions)));
                }
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(100))) {
                    apply(record);
                }
                pending.removeIf(p -> p.completeIfReached(c));
            }
        } catch (WakeupException e) {
            if (running) {
                failWaiters(e);
            }
        } catch (RuntimeException e) {
            log.error("status index reader stopped", e);
            failWaiters(e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            byId.remove(record.key());
            return;
        }
        BacktestStatus status;
        try {
            status = WireJson.mapper().readValue(record.value(), BacktestStatus.class);
        } catch (RuntimeException e) {
            log.warn("ignoring unreadable status of {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
            return;
        }
        byId.put(status.backtestId(), status);
        for (java.util.function.Consumer<BacktestStatus> listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                log.warn("status listener failed", e);
            }
        }
    }

    private void failWaiters(Exception cause) {
        CompletableFuture<Void> request;
        while ((request = catchUpRequests.poll()) != null) {
            request.completeExceptionally(cause);
        }
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

    private record Pending(CompletableFuture<Void> request, Map<TopicPartition, Long> targets) {
        boolean completeIfReached(Consumer<String, byte[]> c) {
            for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
                if (c.position(target.getKey()) < target.getValue()) {
                    return false;
                }
            }
            request.complete(null);
            return true;
        }
    }
}

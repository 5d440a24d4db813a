package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest status of a run: the value on the compacted {@code backtest.status} topic (key: the backtest id).
 * It is the replay index: {@code partition} and {@code first_offset} locate seq 1 in {@code backtest.events},
 * so a reader never scans a partition from offset 0; after a worker fail-over they point at the latest attempt.
 * {@code worker} is the worker that owns the run, {@code attempt} counts the workers that started it (1 normally),
 * {@code last_seq} is the highest seq published when the status was written.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestStatus(
        String backtestId,
        BacktestState state,
        StartBacktest request,
        String worker,
        Integer partition,
        Long firstOffset,
        int attempt,
        long lastSeq,
        BacktestMetrics finalMetrics,
        BacktestError error,
        Instant createdAt,
        Instant updatedAt) {

    public BacktestStatus {
        Objects.requireNonNull(backtestId, "backtestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(request, "request");
        if ((partition == null) != (firstOffset == null)) {
            throw new IllegalArgumentException("partition and first_offset come together");
        }
        if ((state == BacktestState.completed || state == BacktestState.cancelled) && finalMetrics == null) {
            throw new IllegalArgumentException("a completed or cancelled run has final metrics");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
        if (state == BacktestState.failed && error == null) {
            throw new IllegalArgumentException("a failed run has an error");
        }
    }

    public static BacktestStatus queued(StartBacktest request, Instant now) {
        return new BacktestStatus(request.backtestId(), BacktestState.queued, request, null, null, null, 0, 0, null, null, now, now);
    }

    /** A worker started (attempt number {@code attemptNumber}) and stored seq 1 at this partition and offset. */
    public BacktestStatus running(String workerId, int attemptNumber, int eventsPartition, long offsetOfFirstSeq, Instant now) {
        return new BacktestStatus(backtestId, BacktestState.running, request, workerId, eventsPartition, offsetOfFirstSeq,
                attemptNumber, 1, null, null, createdAt, now);
    }

    public BacktestStatus paused(long currentSeq, Instant now) {
        return withState(BacktestState.paused, currentSeq, null, null, now);
    }

    public BacktestStatus resumed(long currentSeq, Instant now) {
        return withState(BacktestState.running, currentSeq, null, null, now);
    }

    public BacktestStatus completed(long finalSeq, BacktestMetrics metrics, Instant now) {
        return withState(BacktestState.completed, finalSeq, metrics, null, now);
    }

    public BacktestStatus cancelled(long finalSeq, BacktestMetrics metricsSoFar, Instant now) {
        return withState(BacktestState.cancelled, finalSeq, metricsSoFar, null, now);
    }

    public BacktestStatus failed(long finalSeq, BacktestError failure, Instant now) {
        return withState(BacktestState.failed, finalSeq, null, failure, now);
    }

    private BacktestStatus withState(BacktestState next, long seq, BacktestMetrics metrics, BacktestError failure, Instant now) {
        return new BacktestStatus(backtestId, next, request, worker, partition, firstOffset, attempt, seq, metrics, failure,
                createdAt, now);
    }

    /** Whether the replay start (partition and offset of seq 1) is known yet. */
    public boolean hasReplayStart() {
        return firstOffset != null;
    }
}

package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest status of a run: the value on the compacted {@code backtest.status} topic (key: the backtest id).
 * It is the replay index: {@code partition} and {@code first_offset} locate seq 1 in {@code backtest.events},
 * so a reader never scans a partition from offset 0. {@code worker} is the worker that owns the run,
 * {@code last_seq} the highest seq published when the status was written.
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
        if (state == BacktestState.completed && finalMetrics == null) {
            throw new IllegalArgumentException("a completed run has final metrics");
        }
        if (state == BacktestState.failed && error == null) {
            throw new IllegalArgumentException("a failed run has an error");
        }
    }

    public static BacktestStatus queued(StartBacktest request, Instant now) {
        return new BacktestStatus(request.backtestId(), BacktestState.queued, request, null, null, null, 0, null, null, now, now);
    }

    public BacktestStatus running(String workerId, int eventsPartition, long offsetOfFirstSeq, Instant now) {
        return new BacktestStatus(backtestId, BacktestState.running, request, workerId, eventsPartition, offsetOfFirstSeq, 1, null, null, createdAt, now);
    }

    public BacktestStatus completed(long finalSeq, BacktestMetrics metrics, Instant now) {
        return new BacktestStatus(backtestId, BacktestState.completed, request, worker, partition, firstOffset, finalSeq, metrics, null, createdAt, now);
    }

    public BacktestStatus failed(long finalSeq, BacktestError failure, Instant now) {
        return new BacktestStatus(backtestId, BacktestState.failed, request, worker, partition, firstOffset, finalSeq, null, failure, createdAt, now);
    }

    /** Whether the replay start (partition and offset of seq 1) is known yet. */
    public boolean hasReplayStart() {
        return firstOffset != null;
    }
}

package io.tapecast.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of a backtest worker, under {@code tapecast.worker}.
 *
 * @param id                  this worker's name in {@code backtest.status}; defaults to host name and process id
 * @param groupId             the consumer group the workers of a deployment share, so each request runs once
 * @param concurrency         runs this worker executes at once (one consumer thread each)
 * @param progressEvery       a {@code progress} event every N candles...
 * @param maxProgressEvents   ...thinned so a run never sends more than about this many
 * @param maxEquityEvents     {@code equity} points per run, at most about this many, evenly spaced
 * @param metricsEveryProgress an interim {@code metrics} event with every N-th {@code progress}
 * @param maxRunTime          the longest a single run may compute
 * @param maxPause            the longest a run may stay paused; then it is cancelled, so a forgotten pause cannot hold a worker
 */
@ConfigurationProperties("tapecast.worker")
public record WorkerSettings(
        String id,
        @DefaultValue("tapecast-backtest-workers") String groupId,
        @DefaultValue("1") int concurrency,
        @DefaultValue("100") int progressEvery,
        @DefaultValue("1000") int maxProgressEvents,
        @DefaultValue("2000") int maxEquityEvents,
        @DefaultValue("10") int metricsEveryProgress,
        @DefaultValue("30m") Duration maxRunTime,
        @DefaultValue("15m") Duration maxPause) {

    public WorkerSettings {
        if (id == null || id.isBlank()) {
            id = ProcessHandle.current().pid() + "@" + hostName();
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("tapecast.worker.group-id must not be blank");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("tapecast.worker.concurrency must be at least 1");
        }
        if (progressEvery < 1 || maxProgressEvents < 1 || maxEquityEvents < 1 || metricsEveryProgress < 1) {
            throw new IllegalArgumentException("tapecast.worker cadence settings must be at least 1");
        }
        if (maxRunTime == null || maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("tapecast.worker.max-run-time must be positive");
        }
        if (maxPause == null || maxPause.isNegative() || maxPause.isZero()) {
            throw new IllegalArgumentException("tapecast.worker.max-pause must be positive");
        }
    }

    /** A run holds its request uncommitted while it computes and while it is paused. */
    public Duration maxPollInterval() {
        return maxRunTime.plus(maxPause);
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(null, "tapecast-backtest-workers", 1, 100, 1000, 2000, 10, Duration.ofMinutes(30),
                Duration.ofMinutes(15));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}

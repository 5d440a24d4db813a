package io.tapecast.worker.run;

/**
 * Decides which candles produce a {@code progress} or {@code equity} event. Both are thinned by the run's
 * length alone, never by wall-clock time, so the same request always yields the same events: progress
 * every {@code max(progressEvery, ceil(total / maxProgress))} candles, equity every
 * {@code ceil(total / maxEquity)} candles, and both on the last candle.
 */
final class EventCadence {

    private final int total;
    private final int progressInterval;
    private final int equityInterval;
    private final int metricsEveryProgress;

    EventCadence(int total, int progressEvery, int maxProgressEvents, int maxEquityEvents, int metricsEveryProgress) {
        if (total < 1) {
            throw new IllegalArgumentException("a run has at least one candle");
        }
        this.total = total;
        this.progressInterval = Math.max(progressEvery, ceilDiv(total, maxProgressEvents));
        this.equityInterval = Math.max(1, ceilDiv(total, maxEquityEvents));
        this.metricsEveryProgress = metricsEveryProgress;
    }

    boolean progressDue(int processed) {
        return processed == total || processed % progressInterval == 0;
    }

    boolean equityDue(int processed) {
        return processed == total || processed % equityInterval == 0;
    }

    /** Interim metrics ride along with every N-th progress event (the final ones are sent with completion). */
    boolean metricsDue(int progressEventsSent) {
        return progressEventsSent % metricsEveryProgress == 0;
    }

    int progressInterval() {
        return progressInterval;
    }

    int equityInterval() {
        return equityInterval;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

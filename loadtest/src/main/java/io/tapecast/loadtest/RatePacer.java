package io.tapecast.loadtest;

/**
 * Open-loop pacing of a fixed event rate: event {@code i} (0-based) is due at {@code start + i / rate}. The
 * publisher sends whatever is due, so a stall is caught up in a burst instead of silently lowering the rate
 * (the latency of the burst shows in the histogram: no coordinated omission on the sending side).
 */
final class RatePacer {

    private final double perSecond;
    private final long startNanos;
    private final long total;

    RatePacer(double perSecond, long startNanos, long total) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        this.perSecond = perSecond;
        this.startNanos = startNanos;
        this.total = total;
    }

    /** For a run of {@code seconds} at {@code perSecond}: the number of events, rounded to the nearest. */
    static long eventsFor(double perSecond, double seconds) {
        return Math.round(perSecond * seconds);
    }

    /** How many events (in all) are due by {@code nowNanos}: 1 at the start, never more than the total. */
    long dueBy(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        if (elapsed < 0) {
            return 0;
        }
        double due = Math.floor(elapsed * perSecond / 1e9) + 1;
        return (long) Math.min(total, due);
    }

    /** When event {@code index} (0-based) is due, in {@link System#nanoTime()} terms. */
    long dueAtNanos(long index) {
        return startNanos + (long) Math.ceil(index * 1e9 / perSecond);
    }

    long total() {
        return total;
    }

    boolean done(long sent) {
        return sent >= total;
    }
}

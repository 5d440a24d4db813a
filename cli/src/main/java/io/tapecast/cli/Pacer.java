package io.tapecast.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Client-side replay pacing: waits between consecutive stream events as long as their envelope {@code timestamp}s
 * were apart when the run was live, divided by the speed. Speed 0 means no waiting. A single wait is capped
 * ({@code --max-gap}) so a run that sat paused for minutes does not stall the replay.
 */
final class Pacer {

    private final double speed;
    private final Duration maxGap;
    private Instant previous;

    Pacer(double speed, Duration maxGap) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or more, was " + speed);
        }
        this.speed = speed;
        this.maxGap = maxGap;
    }

    /** How long to wait before showing an event stamped {@code timestamp} (null: not stamped, no wait). */
    long delayMillis(Instant timestamp) {
        if (timestamp == null) {
            return 0;
        }
        Instant before = previous;
        previous = timestamp;
        if (speed == 0 || before == null || !timestamp.isAfter(before)) {
            return 0;
        }
        double millis = Duration.between(before, timestamp).toNanos() / 1e6 / speed;
        return (long) Math.min(millis, maxGap.toMillis());
    }

    /** Waits as {@link #delayMillis(Instant)} says. */
    void pace(String timestamp) throws InterruptedException {
        Instant at;
        try {
            at = timestamp == null || timestamp.isBlank() ? null : Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException e) {
            at = null;
        }
        long delay = delayMillis(at);
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }
}

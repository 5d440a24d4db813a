package io.tapecast.engine.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Candle widths, finest first. Every timeframe divides a UTC day, so buckets never straddle midnight and
 * {@link #floor(Instant)} can align to the Unix epoch for all of them.
 */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;
    private final long seconds;

    Timeframe(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
        this.seconds = duration.getSeconds();
    }

    /** The wire and file-name form: "1m", "5m", "15m", "1h", "4h", "1d". */
    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** Accepts a label in any case ("4H", "4h"); the message of the exception lists the valid labels. */
    public static Timeframe parse(String s) {
        if (s != null) {
            String wanted = s.trim().toLowerCase(Locale.ROOT);
            for (Timeframe tf : values()) {
                if (tf.label.equals(wanted)) {
                    return tf;
                }
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + s + "'; valid timeframes: " + validLabels());
    }

    public static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The valid labels, comma separated, finest first. */
    public static String validLabels() {
        return Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", "));
    }

    /** The open time of the bucket containing {@code t}; buckets are aligned to the UTC epoch (1d = midnight). */
    public Instant floor(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** The earliest bucket open time at or after {@code t}. */
    public Instant ceil(Instant t) {
        Instant floor = floor(t);
        return floor.equals(t) ? floor : floor.plusSeconds(seconds);
    }

    /** Whether candles of this timeframe aggregate into {@code coarser} ones (strictly finer and dividing it). */
    public boolean divides(Timeframe coarser) {
        return seconds < coarser.seconds && coarser.seconds % seconds == 0;
    }
}

package io.tapecast.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Locale;

/**
 * End-to-end latencies in microseconds, in one HdrHistogram shared by every client of a run, fed through a
 * {@link Recorder} (recording is wait-free, so 10,000 clients need no 10,000 histograms, and a summary can be
 * taken while clients are still recording). Values below 0 (clock steps) count as 0; above an hour they are
 * clamped.
 */
final class Latency {

    static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(1, HIGHEST_MICROS, 3);

    void recordMicros(long micros) {
        recorder.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }

    /** Everything recorded so far. */
    synchronized Summary summary() {
        total.add(recorder.getIntervalHistogram());
        return Summary.of(total);
    }

    /** Count and the percentiles the issue asks for, in milliseconds. */
    record Summary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

        static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Summary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getMean() / 1000.0);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }

        String line() {
            if (count == 0) {
                return "no samples";
            }
            return String.format(Locale.ROOT, "p50 %s  p99 %s  p99.9 %s  max %s  (mean %s, %,d samples)",
                    fmt(p50Ms), fmt(p99Ms), fmt(p999Ms), fmt(maxMs), fmt(meanMs), count);
        }

        static String fmt(double ms) {
            if (Double.isNaN(ms)) {
                return "–";
            }
            if (ms < 10) {
                return String.format(Locale.ROOT, "%.2f ms", ms);
            }
            if (ms < 10_000) {
                return String.format(Locale.ROOT, "%.0f ms", ms);
            }
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
    }
}

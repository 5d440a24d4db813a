package io.tapecast.engine.strategy;

/** The highest and lowest of the last {@code length} values added (a ring buffer scanned on demand). */
final class RollingExtremes {

    private final double[] highs;
    private final double[] lows;
    private int count;
    private int next;

    RollingExtremes(int length) {
        this.highs = new double[length];
        this.lows = new double[length];
    }

    void add(double high, double low) {
        highs[next] = high;
        lows[next] = low;
        next = (next + 1) % highs.length;
        if (count < highs.length) {
            count++;
        }
    }

    boolean isReady() {
        return count == highs.length;
    }

    double highest() {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, highs[i]);
        }
        return max;
    }

    double lowest() {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, lows[i]);
        }
        return min;
    }
}

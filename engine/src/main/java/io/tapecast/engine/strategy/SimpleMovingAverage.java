package io.tapecast.engine.strategy;

/**
 * The mean of the last {@code period} values, updated in O(1) by a rolling sum.
 * <p>
 * A rolling sum picks up a rounding error with every add and subtract, and over a million 1m candles that
 * drift could grow enough to flip a fast/slow comparison. So every {@code period} updates the sum is
 * recomputed from the window itself (amortised O(1)): the error never exceeds that of summing one window
 * directly, however long the series.
 */
public final class SimpleMovingAverage {

    private final int period;
    private final double[] window;
    private int count;
    private int next;
    private double sum;
    private int sinceRecompute;

    public SimpleMovingAverage(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    public void add(double value) {
        if (count == period) {
            sum -= window[next];
        } else {
            count++;
        }
        window[next] = value;
        sum += value;
        next = (next + 1) % period;
        if (++sinceRecompute >= period) {
            sinceRecompute = 0;
            double exact = 0;
            for (int i = 0; i < count; i++) {
                exact += window[i];
            }
            sum = exact;
        }
    }

    /** Whether {@code period} values have been seen. */
    public boolean isReady() {
        return count == period;
    }

    /** The current mean; NaN until {@link #isReady()}. */
    public double value() {
        return isReady() ? sum / period : Double.NaN;
    }

    public int period() {
        return period;
    }
}

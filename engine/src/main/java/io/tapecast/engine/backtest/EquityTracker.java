package io.tapecast.engine.backtest;

import java.util.Arrays;

/**
 * Follows one equity curve (a sub-portfolio's or the total) mark by mark, with primitives only: running peak,
 * drawdown and its duration, the last equity of each UTC day (for Sharpe and Sortino), and the candles with a
 * position. The peak starts at the initial capital at the first candle's time.
 */
final class EquityTracker {

    private static final long SECONDS_PER_DAY = 86_400;

    private final double initialCapital;
    private double peak;
    private long peakTime;
    private boolean underwater;
    private double maxDrawdownPct;
    private long maxDrawdownSeconds;
    private double last;
    private long lastTime;
    private int marks;
    private long exposedCandles;

    private long currentDay = Long.MIN_VALUE;
    private double[] dayCloses = new double[256];
    private int days;

    EquityTracker(double initialCapital, long startTime) {
        this.initialCapital = initialCapital;
        this.peak = initialCapital;
        this.peakTime = startTime;
        this.last = initialCapital;
        this.lastTime = startTime;
    }

    /** Equity at the close of the candle that opened at {@code time} (epoch seconds). */
    void mark(long time, double equity, boolean exposed) {
        long day = Math.floorDiv(time, SECONDS_PER_DAY);
        if (day != currentDay) {
            if (marks > 0) {
                if (days == dayCloses.length) {
                    dayCloses = Arrays.copyOf(dayCloses, days * 2);
                }
                dayCloses[days++] = last;
            }
            currentDay = day;
        }
        marks++;
        last = equity;
        lastTime = time;
        if (exposed) {
            exposedCandles++;
        }
        if (equity >= peak) {
            if (underwater) {
                underwater = false;
                maxDrawdownSeconds = Math.max(maxDrawdownSeconds, time - peakTime);
            }
            peak = equity;
            peakTime = time;
        } else {
            underwater = true;
            double drawdown = (equity / peak - 1) * 100;
            if (drawdown < maxDrawdownPct) {
                maxDrawdownPct = drawdown;
            }
        }
    }

    double initialCapital() {
        return initialCapital;
    }

    double last() {
        return last;
    }

    double peak() {
        return peak;
    }

    /** At the latest mark, ≤ 0. */
    double drawdownPct() {
        return last >= peak ? 0 : (last / peak - 1) * 100;
    }

    /** The lowest drawdown so far, ≤ 0. */
    double maxDrawdownPct() {
        return maxDrawdownPct;
    }

    /** The longest peak-to-recovery time so far, counting a drawdown still open as lasting until the last mark. */
    long maxDrawdownSeconds() {
        return underwater ? Math.max(maxDrawdownSeconds, lastTime - peakTime) : maxDrawdownSeconds;
    }

    int marks() {
        return marks;
    }

    long exposedCandles() {
        return exposedCandles;
    }

    /**
     * Day-over-day returns of the last equity of each UTC day with a mark, the current day included; the first
     * against the initial capital.
     */
    double[] dailyReturns() {
        if (marks == 0) {
            return new double[0];
        }
        double[] returns = new double[days + 1];
        double previous = initialCapital;
        for (int i = 0; i < days; i++) {
            returns[i] = dayCloses[i] / previous - 1;
            previous = dayCloses[i];
        }
        returns[days] = last / previous - 1;
        return returns;
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;

/**
 * Wilder's Average True Range. True range = max(high − low, |high − previous close|, |low − previous close|)
 * (high − low for the first candle); the first {@code period} true ranges seed the average with their mean,
 * then ATR = (ATR × (period − 1) + TR) / period. Defined from the {@code period}-th candle on.
 */
public final class AverageTrueRange {

    private final int period;
    private double previousClose = Double.NaN;
    private int count;
    private double atr;

    public AverageTrueRange(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
        this.period = period;
    }

    public void add(Candle candle) {
        double range = candle.high() - candle.low();
        if (!Double.isNaN(previousClose)) {
            range = Math.max(range, Math.max(Math.abs(candle.high() - previousClose),
                    Math.abs(candle.low() - previousClose)));
        }
        previousClose = candle.close();
        if (count < period) {
            atr += range / period;
        } else {
            atr = (atr * (period - 1) + range) / period;
        }
        count++;
    }

    public boolean isReady() {
        return count >= period;
    }

    /** The current ATR; NaN until {@link #isReady()}. */
    public double value() {
        return isReady() ? atr : Double.NaN;
    }
}

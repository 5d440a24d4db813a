package io.tapecast.engine.strategy;

/**
 * Welles Wilder's Relative Strength Index of a series of closes. The first {@code period} close-to-close changes
 * seed the average gain and loss with their simple mean; after that each average is smoothed as
 * avg = (avg × (period − 1) + x) / period. RSI = 100 − 100 / (1 + avgGain / avgLoss), 100 when avgLoss is 0
 * and avgGain is not, 50 when both are 0 (a flat market). Defined from the (period + 1)-th close on.
 */
public final class WilderRsi {

    private final int period;
    private double previousClose = Double.NaN;
    private int changes;
    private double avgGain;
    private double avgLoss;

    public WilderRsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
        this.period = period;
    }

    public void add(double close) {
        if (Double.isNaN(previousClose)) {
            previousClose = close;
            return;
        }
        double change = close - previousClose;
        previousClose = close;
        double gain = change > 0 ? change : 0;
        double loss = change < 0 ? -change : 0;
        if (changes < period) {
            avgGain += gain / period;
            avgLoss += loss / period;
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        changes++;
    }

    public boolean isReady() {
        return changes >= period;
    }

    /** The current RSI in [0, 100]; NaN until {@link #isReady()}. */
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}

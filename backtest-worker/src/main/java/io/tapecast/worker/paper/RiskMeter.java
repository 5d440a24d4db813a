package io.tapecast.worker.paper;

import java.util.Arrays;

/**
 * An account's equity history for risk: the running peak (drawdown) and a window of one-period returns (historical
 * VaR). Marks are the account's marks, one per candle time of its driving timeframe.
 * <p>
 * <strong>VaR method.</strong> The return of mark i is {@code r_i = E_i / E_(i−1) − 1}, with E_0 the initial
 * capital. The window holds the last {@value #WINDOW} returns. With n returns sorted ascending, the 5th percentile q
 * is the {@code ceil(0.05 × n)}-th smallest (nearest rank, no interpolation), and
 * {@code VaR95 = max(0, −q) × E} (E = the equity at this mark): the loss over the next period that was exceeded in at
 * most 5 % of the periods in the window. Below {@value #MIN_RETURNS} returns there is no VaR.
 */
final class RiskMeter {

    static final int WINDOW = 250;
    static final int MIN_RETURNS = 20;
    static final double CONFIDENCE = 0.95;

    private final double[] returns = new double[WINDOW];
    private final double[] sorted = new double[WINDOW];
    private int count;
    private int next;
    private double previous;
    private double peak;

    RiskMeter(double initialCapital) {
        this.previous = initialCapital;
        this.peak = initialCapital;
    }

    /** Records the equity of a new mark. */
    void mark(double equity) {
        if (previous > 0) {
            returns[next] = equity / previous - 1;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        }
        previous = equity;
        peak = Math.max(peak, equity);
    }

    double peak() {
        return peak;
    }

    /** {@code (equity / peak − 1) × 100}, ≤ 0, at the last mark. */
    double drawdownPct() {
        return peak > 0 ? Math.min(0, (previous / peak - 1) * 100) : 0;
    }

    int windowSize() {
        return count;
    }

    /** The VaR95 at the last mark's equity; NaN below {@link #MIN_RETURNS} returns. */
    double var95() {
        if (count < MIN_RETURNS) {
            return Double.NaN;
        }
        System.arraycopy(returns, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        int rank = (int) Math.ceil((1 - CONFIDENCE) * count - 1e-9);
        double q = sorted[Math.max(rank, 1) - 1];
        return Math.max(0, -q) * Math.max(previous, 0);
    }
}

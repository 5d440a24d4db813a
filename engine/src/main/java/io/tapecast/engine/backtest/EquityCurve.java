package io.tapecast.engine.backtest;

/** Running peak and worst drawdown of mark-to-market equity; the peak starts at the initial capital. */
final class EquityCurve {

    private double peak;
    private double maxDrawdownPct;
    private double drawdownPct;

    EquityCurve(double initialCapital) {
        this.peak = initialCapital;
    }

    void mark(double equity) {
        peak = Math.max(peak, equity);
        drawdownPct = (equity / peak - 1) * 100;
        maxDrawdownPct = Math.min(maxDrawdownPct, drawdownPct);
    }

    double peak() {
        return peak;
    }

    /** At the latest mark, ≤ 0. */
    double drawdownPct() {
        return drawdownPct;
    }

    /** The lowest drawdown so far, ≤ 0. */
    double maxDrawdownPct() {
        return maxDrawdownPct;
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The whole portfolio (all strategies) marked to market at a candle's close. {@code drawdownPct} is
 * (equity / peakEquity − 1) × 100, so it is ≤ 0.
 * <p>
 * <strong>The engine passes one live instance per run</strong> to {@link BacktestListener#onCandle} and updates it
 * before each call, so a run allocates nothing per candle for it. Read it during the callback; keep {@link #copy()}
 * to hold on to the values. The live instance also answers {@link #metricsSoFar()} (computed only when asked).
 */
public final class PortfolioSnapshot {

    private Instant time;
    private double equity;
    private double cash;
    private double peakEquity;
    private double drawdownPct;
    private int closedTrades;
    private int winningTrades;
    private int openPositions;
    private final MetricsProbe probe;

    /** A detached snapshot with fixed values (no metrics). */
    public PortfolioSnapshot(Instant time, double equity, double cash, double peakEquity, double drawdownPct,
                             int closedTrades, int winningTrades, int openPositions) {
        this(null);
        Objects.requireNonNull(time, "time");
        if (!(peakEquity > 0) || drawdownPct > 0) {
            throw new IllegalArgumentException("peak must be positive and drawdown not positive");
        }
        if (closedTrades < 0 || winningTrades < 0 || winningTrades > closedTrades || openPositions < 0) {
            throw new IllegalArgumentException("trade counts are inconsistent");
        }
        update(time, equity, cash, peakEquity, drawdownPct, closedTrades, winningTrades, openPositions);
    }

    PortfolioSnapshot(MetricsProbe probe) {
        this.probe = probe;
    }

    void update(Instant time, double equity, double cash, double peakEquity, double drawdownPct, int closedTrades,
                int winningTrades, int openPositions) {
        this.time = time;
        this.equity = equity;
        this.cash = cash;
        this.peakEquity = peakEquity;
        this.drawdownPct = drawdownPct;
        this.closedTrades = closedTrades;
        this.winningTrades = winningTrades;
        this.openPositions = openPositions;
    }

    /** The open time of the candle at whose close the portfolio was marked. */
    public Instant time() {
        return time;
    }

    public double equity() {
        return equity;
    }

    public double cash() {
        return cash;
    }

    public double peakEquity() {
        return peakEquity;
    }

    public double drawdownPct() {
        return drawdownPct;
    }

    public int closedTrades() {
        return closedTrades;
    }

    public int winningTrades() {
        return winningTrades;
    }

    /** Sub-portfolios holding a position. */
    public int openPositions() {
        return openPositions;
    }

    /** Equity gained (negative: lost) since the start. */
    public double pnl(double initialCapital) {
        return equity - initialCapital;
    }

    /** A detached copy of the current values. */
    public PortfolioSnapshot copy() {
        return new PortfolioSnapshot(time, equity, cash, peakEquity, drawdownPct, closedTrades, winningTrades,
                openPositions);
    }

    /**
     * All metrics of the whole portfolio so far (see {@link MetricsProbe}); on the live instance during a callback
     * only.
     *
     * @throws IllegalStateException on a detached copy
     */
    public BacktestMetrics metricsSoFar() {
        return live().metricsSoFar();
    }

    /** Each strategy's metrics so far, sorted by id; on the live instance during a callback only. */
    public SortedMap<String, BacktestMetrics> strategyMetricsSoFar() {
        return live().strategyMetricsSoFar();
    }

    private MetricsProbe live() {
        if (probe == null) {
            throw new IllegalStateException("metrics are available from the engine's live snapshot only");
        }
        return probe;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortfolioSnapshot s && Objects.equals(time, s.time)
                && Double.compare(equity, s.equity) == 0 && Double.compare(cash, s.cash) == 0
                && Double.compare(peakEquity, s.peakEquity) == 0 && Double.compare(drawdownPct, s.drawdownPct) == 0
                && closedTrades == s.closedTrades && winningTrades == s.winningTrades
                && openPositions == s.openPositions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, equity, cash, peakEquity, drawdownPct, closedTrades, winningTrades, openPositions);
    }

    @Override
    public String toString() {
        return "PortfolioSnapshot[time=" + time + ", equity=" + equity + ", cash=" + cash + ", peakEquity="
                + peakEquity + ", drawdownPct=" + drawdownPct + ", closedTrades=" + closedTrades + ", winningTrades="
                + winningTrades + ", openPositions=" + openPositions + "]";
    }
}

package io.tapecast.engine.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * The whole portfolio (all strategies) marked to market at a candle's close. {@code drawdownPct} is
 * (equity / peakEquity − 1) × 100, so it is ≤ 0; P&amp;L is not stored but derived by {@link #pnl(double)}
 * because the initial capital is already in the spec.
 */
public record PortfolioSnapshot(Instant time, double equity, double cash, double peakEquity, double drawdownPct,
                                int closedTrades, int winningTrades, int openPositions) {

    public PortfolioSnapshot {
        Objects.requireNonNull(time, "time");
        if (!(peakEquity > 0) || drawdownPct > 0) {
            throw new IllegalArgumentException("peak must be positive and drawdown not positive");
        }
        if (closedTrades < 0 || winningTrades < 0 || winningTrades > closedTrades || openPositions < 0) {
            throw new IllegalArgumentException("trade counts are inconsistent");
        }
    }

    /** Equity gained (negative: lost) since the start. */
    public double pnl(double initialCapital) {
        return equity - initialCapital;
    }
}

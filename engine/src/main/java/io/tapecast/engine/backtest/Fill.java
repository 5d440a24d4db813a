package io.tapecast.engine.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * An executed entry or exit. An entry and its exit share {@code tradeId} ({@code <strategyId>-<n>}, n
 * counting from 1 per strategy, so ids are the same on every run). {@code pnl} and {@code pnlPercent} are
 * set on exits only: pnl is net of the entry and exit fees, pnlPercent is pnl / (entry price × quantity) × 100.
 */
public record Fill(String tradeId, String strategyId, Side side, boolean entry, Instant time, double price,
                   double quantity, double fee, String reason, Double pnl, Double pnlPercent) {

    public enum Side {
        BUY, SELL
    }

    public Fill {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
        if (!(price > 0) || !(quantity > 0) || !(fee >= 0)) {
            throw new IllegalArgumentException("price and quantity must be positive and fee not negative");
        }
        if (entry != (pnl == null) || entry != (pnlPercent == null)) {
            throw new IllegalArgumentException("pnl and pnlPercent are set on exits and only on exits");
        }
    }
}

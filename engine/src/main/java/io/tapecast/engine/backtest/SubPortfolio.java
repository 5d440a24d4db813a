package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.Strategy;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One strategy's share of the capital and its (long-only, all-in) position. It turns the strategy's signals
 * into fills and keeps the trade statistics for that strategy.
 */
final class SubPortfolio {

    static final String END_OF_DATA = "end_of_data";

    private final String strategyId;
    private final Strategy strategy;
    private final double feeRate;
    private double cash;
    private Signal pending = Signal.NONE;

    private double quantity;
    private double entryPrice;
    private double entryFee;
    private String openTradeId;

    private int tradesOpened;
    private int closedTrades;
    private int winningTrades;
    private double fees;

    SubPortfolio(String strategyId, Strategy strategy, double capital, double feeRate) {
        this.strategyId = strategyId;
        this.strategy = strategy;
        this.cash = capital;
        this.feeRate = feeRate;
    }

    /** Executes the order left by the previous candle's signal at this candle's open, if it applies. */
    Optional<Fill> fillPending(Candle candle) {
        Signal signal = pending;
        pending = Signal.NONE;
        String reason = signal.name().toLowerCase(Locale.ROOT);
        if (signal == Signal.ENTER_LONG && !isOpen()) {
            return Optional.of(enter(candle.time(), candle.open(), reason));
        }
        if (signal == Signal.EXIT_LONG && isOpen()) {
            return Optional.of(exit(candle.time(), candle.open(), reason));
        }
        return Optional.empty();
    }

    /** Shows the closed candle to the strategy; its signal waits for the next candle's open. */
    void observe(Candle candle) {
        pending = strategy.onCandle(candle);
    }

    Fill closeAtEndOfData(Candle last) {
        return exit(last.time(), last.close(), END_OF_DATA);
    }

    private Fill enter(Instant time, double price, String reason) {
        // All cash goes in, fee included, so the position never needs cash the portfolio does not have.
        double qty = cash / (price * (1 + feeRate));
        double value = price * qty;
        double fee = value * feeRate;
        cash -= value + fee;
        fees += fee;
        quantity = qty;
        entryPrice = price;
        entryFee = fee;
        openTradeId = strategyId + "-" + (++tradesOpened);
        return new Fill(openTradeId, strategyId, Fill.Side.BUY, true, time, price, qty, fee, reason, null, null);
    }

    private Fill exit(Instant time, double price, String reason) {
        double value = price * quantity;
        double fee = value * feeRate;
        double entryValue = entryPrice * quantity;
        double pnl = (value - fee) - (entryValue + entryFee);
        cash += value - fee;
        fees += fee;
        closedTrades++;
        if (pnl > 0) {
            winningTrades++;
        }
        Fill fill = new Fill(openTradeId, strategyId, Fill.Side.SELL, false, time, price, quantity, fee, reason, pnl,
                pnl / entryValue * 100);
        quantity = 0;
        entryPrice = 0;
        entryFee = 0;
        openTradeId = null;
        return fill;
    }

    boolean isOpen() {
        return openTradeId != null;
    }

    double equity(double price) {
        return cash + quantity * price;
    }

    double cash() {
        return cash;
    }

    int closedTrades() {
        return closedTrades;
    }

    int winningTrades() {
        return winningTrades;
    }

    double fees() {
        return fees;
    }
}

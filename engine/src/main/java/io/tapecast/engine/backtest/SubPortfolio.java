package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.Strategy;
import io.tapecast.schemas.backtest.EngineOptions;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One strategy's share of the capital and its position (long, short or flat). It turns the strategy's signals
 * into fills, enforces stop-loss / take-profit, and keeps that strategy's equity curve and trade statistics.
 * <p>
 * Money model: {@code quantity} is signed (negative = short); opening or closing moves cash by the traded value
 * (a short sale adds its proceeds) and the fee; equity = cash + quantity × price.
 */
final class SubPortfolio {

    static final String END_OF_DATA = "end_of_data";
    static final String REVERSAL = "reversal";
    static final String STOP_LOSS = "stop_loss";
    static final String TAKE_PROFIT = "take_profit";

    /** Absorbs the rounding of equity / price just below a whole number before flooring. */
    private static final double WHOLE_UNIT_EPSILON = 1e-9;

    private final String strategyId;
    private final Strategy strategy;
    private final double feeRate;
    private final double slippageRate;
    private final double positionSize;
    private final boolean wholeUnits;
    private final double stopLossFraction;
    private final double takeProfitFraction;
    private final Consumer<Fill> fills;

    final EquityTracker equity;
    final TradeStats trades = new TradeStats();

    private double cash;
    private double quantity;
    private double entryPrice;
    private double entryFee;
    private Instant entryTime;
    private String openTradeId;
    private double stopPrice = Double.NaN;
    private double takeProfitPrice = Double.NaN;
    private int tradesOpened;
    private double fees;
    private double closedPnl;
    private Signal pending = Signal.NONE;
    private boolean exposed;

    SubPortfolio(String strategyId, Strategy strategy, double capital, EngineOptions options, double stopLossPct,
                 double takeProfitPct, long startTime, Consumer<Fill> fills) {
        this.strategyId = strategyId;
        this.strategy = strategy;
        this.cash = capital;
        this.feeRate = options.feeBps() / 10_000;
        this.slippageRate = options.slippageBps() / 10_000;
        this.positionSize = options.positionSize();
        this.wholeUnits = options.wholeUnits();
        this.stopLossFraction = stopLossPct / 100;
        this.takeProfitFraction = takeProfitPct / 100;
        this.fills = fills;
        this.equity = new EquityTracker(capital, startTime);
    }

    String strategyId() {
        return strategyId;
    }

    Strategy strategy() {
        return strategy;
    }

    /** Starts a candle: it counts as exposed if a position is carried into it (or one is opened during it). */
    void beginCandle() {
        exposed = quantity != 0;
    }

    /** Executes the order left by the previous candle's signal at this candle's open. */
    void fillPendingAtOpen(Candle candle) {
        Signal signal = pending;
        if (signal != Signal.NONE) {
            pending = Signal.NONE;
            execute(signal, candle.time(), candle.open(), true);
        }
    }

    void setPending(Signal signal) {
        pending = signal;
    }

    /**
     * Stop-loss and take-profit against this candle's range. A gap through a level fills at the open; when both
     * levels lie inside the range the stop is assumed to have been hit first (pessimistic).
     */
    void checkExits(Candle candle) {
        if (quantity == 0 || (Double.isNaN(stopPrice) && Double.isNaN(takeProfitPrice))) {
            return;
        }
        double open = candle.open();
        if (quantity > 0) {
            if (open <= stopPrice) {
                close(candle.time(), open, STOP_LOSS);
            } else if (open >= takeProfitPrice) {
                close(candle.time(), open, TAKE_PROFIT);
            } else if (candle.low() <= stopPrice) {
                close(candle.time(), stopPrice, STOP_LOSS);
            } else if (candle.high() >= takeProfitPrice) {
                close(candle.time(), takeProfitPrice, TAKE_PROFIT);
            }
        } else {
            if (open >= stopPrice) {
                close(candle.time(), open, STOP_LOSS);
            } else if (open <= takeProfitPrice) {
                close(candle.time(), open, TAKE_PROFIT);
            } else if (candle.high() >= stopPrice) {
                close(candle.time(), stopPrice, STOP_LOSS);
            } else if (candle.low() <= takeProfitPrice) {
                close(candle.time(), takeProfitPrice, TAKE_PROFIT);
            }
        }
    }

    /**
     * Acts on a signal at {@code price} (before slippage). With {@code mayOpen} false only closing happens (used
     * for close fills on the last candle, where a new position could never be marked or closed honestly).
     */
    void execute(Signal signal, Instant time, double price, boolean mayOpen) {
        switch (signal) {
            case ENTER_LONG -> {
                if (quantity > 0) {
                    return;
                }
                if (quantity < 0) {
                    close(time, price, REVERSAL);
                }
                if (mayOpen) {
                    open(1, time, price, "enter_long");
                }
            }
            case ENTER_SHORT -> {
                if (quantity < 0) {
                    return;
                }
                if (quantity > 0) {
                    close(time, price, REVERSAL);
                }
                if (mayOpen) {
                    open(-1, time, price, "enter_short");
                }
            }
            case EXIT_LONG -> {
                if (quantity > 0) {
                    close(time, price, "exit_long");
                }
            }
            case EXIT_SHORT -> {
                if (quantity < 0) {
                    close(time, price, "exit_short");
                }
            }
            case NONE -> {
            }
        }
    }

    void closeAtEnd(Candle last) {
        if (quantity != 0) {
            close(last.time(), last.close(), END_OF_DATA);
        }
    }

    void mark(long time, double price) {
        equity.mark(time, cash + quantity * price, exposed);
    }

    private void open(int direction, Instant time, double price, String reason) {
        double fillPrice = direction > 0 ? price * (1 + slippageRate) : price * (1 - slippageRate);
        // Flat here, so equity is cash.
        if (!(cash > 0)) {
            return;
        }
        double units = cash * positionSize / (fillPrice * (1 + feeRate));
        if (wholeUnits) {
            units = Math.floor(units + WHOLE_UNIT_EPSILON);
        }
        if (!(units > 0)) {
            return;
        }
        double fee = fillPrice * units * feeRate;
        cash -= direction * fillPrice * units + fee;
        fees += fee;
        quantity = direction * units;
        entryPrice = fillPrice;
        entryFee = fee;
        entryTime = time;
        exposed = true;
        openTradeId = strategyId + "-" + (++tradesOpened);
        setExitLevels(direction > 0, fillPrice);
        fills.accept(new Fill(openTradeId, strategyId, direction > 0 ? Fill.Side.BUY : Fill.Side.SELL, true, time,
                fillPrice, units, fee, reason, null, null));
    }

    private void setExitLevels(boolean isLong, double fillPrice) {
        double sign = isLong ? 1 : -1;
        double stop = stopLossFraction > 0 ? fillPrice * (1 - sign * stopLossFraction) : Double.NaN;
        double own = strategy.stopPrice(isLong, fillPrice);
        if (Double.isFinite(own) && (isLong ? own < fillPrice : own > fillPrice)
                && (Double.isNaN(stop) || (isLong ? own > stop : own < stop))) {
            stop = own;
        }
        stopPrice = stop;
        takeProfitPrice = takeProfitFraction > 0 ? fillPrice * (1 + sign * takeProfitFraction) : Double.NaN;
    }

    private void close(Instant time, double price, String reason) {
        boolean isLong = quantity > 0;
        double units = Math.abs(quantity);
        double fillPrice = isLong ? price * (1 - slippageRate) : price * (1 + slippageRate);
        double fee = fillPrice * units * feeRate;
        cash += quantity * fillPrice - fee;
        fees += fee;
        double entryValue = entryPrice * units;
        double pnl = (isLong ? fillPrice - entryPrice : entryPrice - fillPrice) * units - entryFee - fee;
        double pnlPercent = pnl / entryValue * 100;
        trades.add(pnl, pnlPercent, time.getEpochSecond() - entryTime.getEpochSecond());
        closedPnl += pnl;
        Fill fill = new Fill(openTradeId, strategyId, isLong ? Fill.Side.SELL : Fill.Side.BUY, false, time, fillPrice,
                units, fee, reason, pnl, pnlPercent);
        quantity = 0;
        entryPrice = 0;
        entryFee = 0;
        entryTime = null;
        openTradeId = null;
        stopPrice = Double.NaN;
        takeProfitPrice = Double.NaN;
        fills.accept(fill);
    }

    boolean isOpen() {
        return quantity != 0;
    }

    boolean exposed() {
        return exposed;
    }

    double quantity() {
        return quantity;
    }

    double equity(double price) {
        return cash + quantity * price;
    }

    double cash() {
        return cash;
    }

    double fees() {
        return fees;
    }

    /** The fill price of the open position (after slippage); 0 when flat. */
    double entryPrice() {
        return entryPrice;
    }

    /** The fee paid to open the current position; 0 when flat. */
    double entryFee() {
        return entryFee;
    }

    /** The trade id of the open position; null when flat. */
    String openTradeId() {
        return openTradeId;
    }

    /** The sum of the closed trades' P&amp;L, each net of its entry and exit fees. */
    double closedPnl() {
        return closedPnl;
    }
}

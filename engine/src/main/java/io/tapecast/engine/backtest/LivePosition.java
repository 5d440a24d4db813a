package io.tapecast.engine.backtest;

/**
 * One strategy's sub-portfolio of a {@link LiveBook}, marked at a price. Accounting identity:
 * {@code equity − capital = realizedPnl + unrealizedPnl}, where
 * <ul>
 *   <li>{@code unrealizedPnl = quantity × (marketPrice − entryPrice)} (zero when flat);</li>
 *   <li>{@code realizedPnl} = the closed trades' P&amp;L net of their entry and exit fees, minus the entry fee
 *       already paid on the open position (fees are realised when paid).</li>
 * </ul>
 *
 * @param strategyId    the strategy trading this sub-portfolio
 * @param capital       its starting cash
 * @param quantity      signed units held (negative = short, 0 = flat)
 * @param entryPrice    fill price of the open position (after slippage); 0 when flat
 * @param marketPrice   the price it is marked at (the last close)
 * @param cash          cash after every fill so far (a short sale adds its proceeds)
 * @param equity        {@code cash + quantity × marketPrice}
 * @param realizedPnl   see above
 * @param unrealizedPnl see above
 * @param fees          every fee paid so far
 * @param openTradeId   the trade id of the open position ({@code <strategyId>-<n>}); null when flat
 */
public record LivePosition(String strategyId, double capital, double quantity, double entryPrice, double marketPrice,
                           double cash, double equity, double realizedPnl, double unrealizedPnl, double fees,
                           String openTradeId) {

    public boolean isOpen() {
        return quantity != 0;
    }

    /** {@code quantity × marketPrice}: positive long, negative short. */
    public double marketValue() {
        return quantity * marketPrice;
    }
}

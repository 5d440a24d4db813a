package io.tapecast.schemas.trading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * A paper order the account filled (market order, filled in full by the engine's fill model), sent the moment the
 * candle that filled it is processed. {@code realized_pnl} is present on exits only: the trade's P&amp;L net of its
 * entry and exit fees.
 *
 * @param orderId     {@code <account>-<n>}, n counting the account's orders from 1
 * @param tradeId     the position this order opens or closes: {@code <strategy>-<n>}, per symbol
 * @param symbol      the instrument
 * @param strategyId  the strategy that decided it
 * @param side        buy or sell
 * @param action      entry (opens a position) or exit (closes it)
 * @param quantity    units, positive
 * @param price       fill price, slippage included
 * @param fee         commission paid
 * @param reason      why: enter_long, enter_short, exit_long, exit_short, reversal, stop_loss, take_profit
 * @param time        open time of the candle at whose open (or close, fill mode close) it filled
 * @param realizedPnl on exits: the trade's P&amp;L net of both fees
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(
        String orderId,
        String tradeId,
        String symbol,
        String strategyId,
        Side side,
        Action action,
        double quantity,
        double price,
        double fee,
        String reason,
        Instant time,
        Double realizedPnl) implements Payload {

    public enum Side {
        buy, sell
    }

    public enum Action {
        entry, exit
    }

    public OrderEvent {
        TradingFields.requireText("order_id", orderId);
        TradingFields.requireText("trade_id", tradeId);
        TradingFields.requireSymbol(symbol);
        TradingFields.requireText("strategy_id", strategyId);
        TradingFields.requireText("reason", reason);
        TradingFields.requireTime(time);
        if (side == null || action == null) {
            throw new IllegalArgumentException("side and action are required");
        }
        TradingFields.requirePositive("quantity", quantity);
        TradingFields.requirePositive("price", price);
        TradingFields.requireNonNegative("fee", fee);
        if ((action == Action.exit) != (realizedPnl != null)) {
            throw new IllegalArgumentException("realized_pnl is set on exits and only on exits");
        }
        if (realizedPnl != null) {
            TradingFields.requireFinite("realized_pnl", realizedPnl);
        }
    }

    @Override
    public String eventType() {
        return EventTypes.ORDER;
    }
}

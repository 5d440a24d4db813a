package io.tapecast.schemas.trading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * One strategy's position in one symbol, sent after a candle in which it had fills, marked at that candle's close.
 * Identity: the sub-portfolio's equity − its capital = {@code realized_pnl + unrealized_pnl}.
 *
 * @param symbol            the instrument
 * @param strategyId        the strategy holding it (each strategy trades its own share of the capital)
 * @param quantity          signed units: positive long, negative short, 0 flat
 * @param averageEntryPrice fill price of the open position (slippage included); absent when flat
 * @param marketPrice       the close it is marked at
 * @param marketValue       {@code quantity × market_price}
 * @param unrealizedPnl     {@code quantity × (market_price − average_entry_price)}; 0 when flat
 * @param realizedPnl       closed trades' P&amp;L net of fees, minus the entry fee paid on the open position
 * @param time              open time of the candle at whose close it is marked
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PositionEvent(
        String symbol,
        String strategyId,
        double quantity,
        Double averageEntryPrice,
        double marketPrice,
        double marketValue,
        double unrealizedPnl,
        double realizedPnl,
        Instant time) implements Payload {

    public PositionEvent {
        TradingFields.requireSymbol(symbol);
        TradingFields.requireText("strategy_id", strategyId);
        TradingFields.requireFinite("quantity", quantity);
        if ((quantity != 0) != (averageEntryPrice != null)) {
            throw new IllegalArgumentException("average_entry_price is set while a position is open and only then");
        }
        if (averageEntryPrice != null) {
            TradingFields.requirePositive("average_entry_price", averageEntryPrice);
        }
        TradingFields.requirePositive("market_price", marketPrice);
        TradingFields.requireFinite("market_value", marketValue);
        TradingFields.requireFinite("unrealized_pnl", unrealizedPnl);
        TradingFields.requireFinite("realized_pnl", realizedPnl);
        TradingFields.requireTime(time);
    }

    @Override
    public String eventType() {
        return EventTypes.POSITION;
    }
}

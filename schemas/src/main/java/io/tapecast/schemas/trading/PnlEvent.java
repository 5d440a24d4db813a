package io.tapecast.schemas.trading;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * The account marked to market, once per candle time of its driving timeframe (after every symbol's candle of that
 * time is processed). Identity: {@code equity = initial_capital + realized_pnl + unrealized_pnl} and
 * {@code total_pnl = realized_pnl + unrealized_pnl}.
 *
 * @param time           open time of the candles at whose close the account is marked
 * @param initialCapital the account's starting cash
 * @param equity         cash + the market value of every position
 * @param cash           cash after every fill (short sales add their proceeds)
 * @param realizedPnl    closed trades' P&amp;L net of fees, minus entry fees paid on open positions
 * @param unrealizedPnl  Σ quantity × (close − entry price) over open positions
 * @param totalPnl       {@code equity − initial_capital}
 * @param totalPnlPct    {@code total_pnl / initial_capital × 100}
 * @param fees           every fee paid so far
 * @param openPositions  positions open (one per symbol and strategy at most)
 * @param orders         orders filled so far
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PnlEvent(
        Instant time,
        double initialCapital,
        double equity,
        double cash,
        double realizedPnl,
        double unrealizedPnl,
        double totalPnl,
        double totalPnlPct,
        double fees,
        int openPositions,
        long orders) implements Payload {

    public PnlEvent {
        TradingFields.requireTime(time);
        TradingFields.requirePositive("initial_capital", initialCapital);
        TradingFields.requireFinite("equity", equity);
        TradingFields.requireFinite("cash", cash);
        TradingFields.requireFinite("realized_pnl", realizedPnl);
        TradingFields.requireFinite("unrealized_pnl", unrealizedPnl);
        TradingFields.requireFinite("total_pnl", totalPnl);
        TradingFields.requireFinite("total_pnl_pct", totalPnlPct);
        TradingFields.requireNonNegative("fees", fees);
        if (openPositions < 0 || orders < 0) {
            throw new IllegalArgumentException("open_positions and orders must not be negative");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.PNL;
    }
}

package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * A trade entry or exit, sent the moment the engine fills it. {@code pnl} and {@code pnl_percent} are
 * present on exits only: net of both fees, and as a percentage of the entry value.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeEvent(
        Action action,
        String tradeId,
        Side side,
        double price,
        double quantity,
        double fee,
        Instant time,
        String strategyId,
        String reason,
        Double pnl,
        Double pnlPercent) implements Payload {

    public enum Action {
        entry, exit
    }

    public enum Side {
        buy, sell
    }

    public TradeEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (action == Action.exit && (pnl == null || pnlPercent == null)) {
            throw new IllegalArgumentException("an exit carries pnl and pnl_percent");
        }
        if (action == Action.entry && (pnl != null || pnlPercent != null)) {
            throw new IllegalArgumentException("an entry carries no pnl");
        }
        if (!(price > 0) || !(quantity > 0) || !(fee >= 0)) {
            throw new IllegalArgumentException("price and quantity must be positive, fee not negative");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.TRADE;
    }
}

package io.tapecast.schemas.backtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Performance figures of a run so far (as a {@code metrics} event) or at its end (inside {@code complete}).
 * Percentages are in percent: {@code total_return_pct} = (final / initial − 1) × 100, {@code max_drawdown_pct}
 * is the largest fall of mark-to-market equity from a running peak (≤ 0), {@code win_rate_pct} the share of
 * closed trades with a positive net P&amp;L.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BacktestMetrics(
        double initialCapital,
        double finalEquity,
        double netProfit,
        double totalReturnPct,
        double maxDrawdownPct,
        double winRatePct,
        int tradeCount,
        int winningTrades,
        int losingTrades,
        double totalFees) implements Payload {

    public BacktestMetrics {
        if (tradeCount < 0 || winningTrades < 0 || losingTrades < 0 || winningTrades + losingTrades > tradeCount) {
            throw new IllegalArgumentException("trade counts are inconsistent");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.METRICS;
    }
}

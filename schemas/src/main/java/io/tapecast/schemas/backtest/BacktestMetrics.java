package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Performance figures of a run so far (as a {@code metrics} event) or at its end (inside {@code complete}), for the
 * whole portfolio or one strategy's sub-portfolio. Percentages are in percent (5 means 5 %); money is in the quote
 * currency. The nullable ({@link Double}) figures are undefined in some cases and then left out of the JSON — never
 * NaN or Infinity:
 * <ul>
 *   <li>{@code cagrPct}: when the growth rate overflows (a very short span);</li>
 *   <li>{@code sharpeRatio}: fewer than two daily returns, or their standard deviation is 0;</li>
 *   <li>{@code sortinoRatio}: no daily return, or no daily return below the risk-free rate;</li>
 *   <li>{@code calmarRatio}: no drawdown, or no CAGR;</li>
 *   <li>{@code profitFactor}: no losing trade;</li>
 *   <li>{@code expectancy}, {@code avgTradePct}, {@code bestTradePct}, {@code worstTradePct},
 *       {@code avgTradeDurationHours}: no closed trade;</li>
 *   <li>{@code sqn}: fewer than two closed trades, or all with the same P&amp;L.</li>
 * </ul>
 * Definitions (the README has the formulas): trades are closed round trips; {@code winRatePct} is 0 when there is
 * none; {@code maxDrawdownDurationDays} is the longest time from an equity peak to the first mark back at or above
 * it (or to the last mark if never recovered), in days of 86,400 s.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestMetrics(
        double initialCapital,
        double finalEquity,
        double netProfit,
        double totalReturnPct,
        Double cagrPct,
        double maxDrawdownPct,
        double maxDrawdownDurationDays,
        Double sharpeRatio,
        Double sortinoRatio,
        Double calmarRatio,
        double winRatePct,
        int tradeCount,
        int winningTrades,
        int losingTrades,
        Double profitFactor,
        Double expectancy,
        Double sqn,
        Double avgTradePct,
        Double bestTradePct,
        Double worstTradePct,
        Double avgTradeDurationHours,
        double exposurePct,
        double totalFees,
        double buyAndHoldReturnPct) implements Payload {

    public BacktestMetrics {
        if (tradeCount < 0 || winningTrades < 0 || losingTrades < 0 || winningTrades + losingTrades > tradeCount) {
            throw new IllegalArgumentException("trade counts are inconsistent");
        }
        requireFinite("initial_capital", initialCapital);
        requireFinite("final_equity", finalEquity);
        requireFinite("net_profit", netProfit);
        requireFinite("total_return_pct", totalReturnPct);
        requireFinite("max_drawdown_pct", maxDrawdownPct);
        requireFinite("max_drawdown_duration_days", maxDrawdownDurationDays);
        requireFinite("win_rate_pct", winRatePct);
        requireFinite("exposure_pct", exposurePct);
        requireFinite("total_fees", totalFees);
        requireFinite("buy_and_hold_return_pct", buyAndHoldReturnPct);
        requireFiniteOrNull("cagr_pct", cagrPct);
        requireFiniteOrNull("sharpe_ratio", sharpeRatio);
        requireFiniteOrNull("sortino_ratio", sortinoRatio);
        requireFiniteOrNull("calmar_ratio", calmarRatio);
        requireFiniteOrNull("profit_factor", profitFactor);
        requireFiniteOrNull("expectancy", expectancy);
        requireFiniteOrNull("sqn", sqn);
        requireFiniteOrNull("avg_trade_pct", avgTradePct);
        requireFiniteOrNull("best_trade_pct", bestTradePct);
        requireFiniteOrNull("worst_trade_pct", worstTradePct);
        requireFiniteOrNull("avg_trade_duration_hours", avgTradeDurationHours);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    private static void requireFiniteOrNull(String name, Double value) {
        if (value != null) {
            requireFinite(name, value);
        }
    }

    @Override
    public String eventType() {
        return EventTypes.METRICS;
    }
}

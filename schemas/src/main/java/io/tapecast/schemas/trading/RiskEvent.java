package io.tapecast.schemas.trading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * The account's risk at the same mark as the {@code pnl} event before it.
 *
 * @param time                    open time of the candles at whose close the account is marked
 * @param equity                  the account's equity at this mark
 * @param grossExposure           Σ |quantity × close| over open positions
 * @param netExposure             Σ quantity × close (negative when net short)
 * @param exposure                {@code gross_exposure / equity} (0.95 = 95 % of equity in positions)
 * @param leverage                {@code net_exposure / equity}: signed net leverage (−0.5 = net short half the equity)
 * @param peakEquity              highest equity marked so far (the initial capital at first)
 * @param drawdownPct             {@code (equity / peak_equity − 1) × 100}, ≤ 0
 * @param var95                   one-period historical VaR at 95 %, in currency (≥ 0): −(5th percentile of the
 *                                account's one-period equity returns over the window) × equity; absent until
 *                                {@code var_window} reaches the minimum
 * @param var95Pct                {@code var_95 / equity × 100}; absent with {@code var_95}
 * @param varWindow               the number of returns the VaR was computed from (the last ≤ 250)
 * @param largestPositionSymbol   the symbol with the largest gross position value; absent when flat
 * @param largestPositionShare    that symbol's share of the gross exposure, in [0, 1]; 0 when flat
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskEvent(
        Instant time,
        double equity,
        double grossExposure,
        double netExposure,
        double exposure,
        double leverage,
        double peakEquity,
        double drawdownPct,
        Double var95,
        Double var95Pct,
        int varWindow,
        String largestPositionSymbol,
        double largestPositionShare) implements Payload {

    public RiskEvent {
        TradingFields.requireTime(time);
        TradingFields.requireFinite("equity", equity);
        TradingFields.requireNonNegative("gross_exposure", grossExposure);
        TradingFields.requireFinite("net_exposure", netExposure);
        TradingFields.requireFinite("exposure", exposure);
        TradingFields.requireFinite("leverage", leverage);
        TradingFields.requireFinite("peak_equity", peakEquity);
        TradingFields.requireFinite("drawdown_pct", drawdownPct);
        if (drawdownPct > 0) {
            throw new IllegalArgumentException("drawdown_pct must not be positive");
        }
        if ((var95 == null) != (var95Pct == null)) {
            throw new IllegalArgumentException("var_95 and var_95_pct come together");
        }
        if (var95 != null) {
            TradingFields.requireNonNegative("var_95", var95);
            TradingFields.requireFinite("var_95_pct", var95Pct);
        }
        if (varWindow < 0) {
            throw new IllegalArgumentException("var_window must not be negative");
        }
        if (largestPositionSymbol != null) {
            TradingFields.requireSymbol(largestPositionSymbol);
        }
        if (!(largestPositionShare >= 0) || largestPositionShare > 1) {
            throw new IllegalArgumentException("largest_position_share must lie in [0, 1]");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.RISK;
    }
}

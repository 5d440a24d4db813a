package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How the engine trades and measures a run. In the REST start request these fields sit at the top level; in the
 * {@code backtest.requests} command they are grouped here.
 *
 * @param initialCapital starting cash, in the symbol's quote currency
 * @param feeBps         commission per fill (entry and exit), basis points of the traded value
 * @param slippageBps    adverse price move per fill, basis points of the fill price
 * @param positionSize   fraction of equity committed per entry, in (0, 1]
 * @param wholeUnits     size positions in whole units (floor) instead of fractional units
 * @param fill           when market orders fill
 * @param closeAtEnd     close a position still open after the last candle at its close, counting it as a trade
 * @param periodsPerYear periods per year for Sharpe/Sortino annualisation; null = 365 for 24/7 (crypto) symbols, 252 otherwise
 * @param riskFreeRate   annual risk-free rate for Sharpe/Sortino, as a fraction (0.02 = 2 %)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineOptions(
        double initialCapital,
        double feeBps,
        double slippageBps,
        double positionSize,
        boolean wholeUnits,
        FillMode fill,
        boolean closeAtEnd,
        Integer periodsPerYear,
        double riskFreeRate) {

    public static final double DEFAULT_CAPITAL = 10_000;

    public EngineOptions {
        if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
            throw new IllegalArgumentException("initial_capital must be a positive number");
        }
        if (!(feeBps >= 0) || !(slippageBps >= 0) || feeBps >= 10_000 || slippageBps >= 10_000) {
            throw new IllegalArgumentException("fee_bps and slippage_bps must lie in [0, 10000)");
        }
        if (!(positionSize > 0) || positionSize > 1) {
            throw new IllegalArgumentException("position_size must lie in (0, 1]");
        }
        if (fill == null) {
            fill = FillMode.NEXT_OPEN;
        }
        if (periodsPerYear != null && periodsPerYear < 1) {
            throw new IllegalArgumentException("periods_per_year must be at least 1");
        }
        if (!Double.isFinite(riskFreeRate) || riskFreeRate <= -1) {
            throw new IllegalArgumentException("risk_free_rate must be a finite fraction above -1");
        }
    }

    /** 10,000 of capital, no costs, all-in fractional sizing, next-open fills, close at the end. */
    public static EngineOptions defaults() {
        return new EngineOptions(DEFAULT_CAPITAL, 0, 0, 1.0, false, FillMode.NEXT_OPEN, true, null, 0);
    }

    public EngineOptions withInitialCapital(double capital) {
        return new EngineOptions(capital, feeBps, slippageBps, positionSize, wholeUnits, fill, closeAtEnd, periodsPerYear, riskFreeRate);
    }

    public EngineOptions withFeeBps(double fee) {
        return new EngineOptions(initialCapital, fee, slippageBps, positionSize, wholeUnits, fill, closeAtEnd, periodsPerYear, riskFreeRate);
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mean reversion on Wilder's RSI of the close. When the RSI crosses below {@code oversold} (previous value at or
 * above it, this one below) it signals {@link Signal#ENTER_LONG}; when it crosses above {@code overbought} it
 * signals {@link Signal#ENTER_SHORT} with {@code allow_short = 1}, else {@link Signal#EXIT_LONG}. Otherwise, an
 * RSI above {@code overbought} exits a long and one below {@code oversold} exits a short. Entries need a cross,
 * so after a stop-loss the strategy waits for the next one instead of re-entering at once.
 */
public final class RsiReversion implements Strategy {

    public static final String ID = "rsi-reversion";

    private static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(ID,
            "Buys when Wilder's RSI crosses below the oversold level and sells when it rises above the overbought"
                    + " level; with allow_short also shorts the cross above overbought.",
            List.of(new ParameterSpec("period", "RSI period, in candles", 14, 2, 1000, true),
                    new ParameterSpec("oversold", "RSI level below which the market is oversold (buy)", 30, 1, 99,
                            false),
                    new ParameterSpec("overbought", "RSI level above which the market is overbought (sell); must be"
                            + " greater than oversold", 70, 1, 99, false),
                    new ParameterSpec("allow_short", "1 = short the cross above overbought, 0 = long only", 0, 0, 1,
                            true)));

    private final WilderRsi rsi;
    private final double oversold;
    private final double overbought;
    private final boolean allowShort;
    private double previous = Double.NaN;

    public RsiReversion(int period, double oversold, double overbought, boolean allowShort) {
        if (!(oversold < overbought)) {
            throw new IllegalArgumentException(ID + ".overbought must be greater than oversold");
        }
        this.rsi = new WilderRsi(period);
        this.oversold = oversold;
        this.overbought = overbought;
        this.allowShort = allowShort;
    }

    public static StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    public static RsiReversion fromParameters(Map<String, Double> params) {
        return new RsiReversion(params.get("period").intValue(), params.get("oversold"), params.get("overbought"),
                params.get("allow_short") == 1.0);
    }

    public static List<String> crossParameterProblems(Map<String, Double> params) {
        List<String> problems = new ArrayList<>();
        if (params.get("overbought") <= params.get("oversold")) {
            problems.add("overbought must be greater than oversold");
        }
        return problems;
    }

    @Override
    public Signal onCandle(Candle candle) {
        rsi.add(candle.close());
        if (!rsi.isReady()) {
            return Signal.NONE;
        }
        double value = rsi.value();
        double before = previous;
        previous = value;
        if (Double.isNaN(before)) {
            return Signal.NONE;
        }
        if (before >= oversold && value < oversold) {
            return Signal.ENTER_LONG;
        }
        if (before <= overbought && value > overbought) {
            return allowShort ? Signal.ENTER_SHORT : Signal.EXIT_LONG;
        }
        if (value > overbought) {
            return Signal.EXIT_LONG;
        }
        if (value < oversold) {
            return Signal.EXIT_SHORT;
        }
        return Signal.NONE;
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fast/slow simple moving average crossover on the close. {@link Signal#ENTER_LONG} fires on the bar where the
 * fast SMA crosses above the slow one (previous bar fast &lt; slow, this bar fast &gt; slow, both SMAs defined on
 * both bars). On the mirror cross below it fires {@link Signal#EXIT_LONG}, or with {@code allow_short = 1}
 * {@link Signal#ENTER_SHORT}, so the strategy reverses and is always in the market after the first cross. A bar
 * where they are equal is neither above nor below, so passing through equality over two bars is not a cross.
 * <p>
 * "Equal" allows a relative difference of 1e-10: two SMAs of the same prices can differ in the last bits
 * only because they were summed differently, and that must not count as a cross. Real price differences
 * are many orders of magnitude larger.
 */
public final class SmaCrossover implements Strategy {

    public static final String ID = "sma-crossover";
    private static final double RELATIVE_TOLERANCE = 1e-10;
    private static final int UNDEFINED = Integer.MIN_VALUE;

    private static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(ID,
            "Goes long when the fast simple moving average of the close crosses above the slow one; on the cross"
                    + " back below it exits, or with allow_short reverses into a short.",
            List.of(new ParameterSpec("fast", "Fast SMA period, in candles", 10, 1, 1000, true),
                    new ParameterSpec("slow", "Slow SMA period, in candles; must be greater than fast", 30, 2, 5000,
                            true),
                    new ParameterSpec("allow_short", "1 = go short on a cross below (always in the market),"
                            + " 0 = long only", 0, 0, 1, true)));

    private final SimpleMovingAverage fast;
    private final SimpleMovingAverage slow;
    private final boolean allowShort;
    /** -1 fast below slow, 0 equal, +1 above; UNDEFINED until both SMAs are defined. */
    private int previousSide = UNDEFINED;

    public SmaCrossover(int fastPeriod, int slowPeriod) {
        this(fastPeriod, slowPeriod, false);
    }

    public SmaCrossover(int fastPeriod, int slowPeriod, boolean allowShort) {
        if (fastPeriod < 1) {
            throw new IllegalArgumentException(ID + ".fast must be at least 1");
        }
        if (slowPeriod <= fastPeriod) {
            throw new IllegalArgumentException(ID + ".slow must be greater than fast");
        }
        this.fast = new SimpleMovingAverage(fastPeriod);
        this.slow = new SimpleMovingAverage(slowPeriod);
        this.allowShort = allowShort;
    }

    public static StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Builds from catalog parameters (defaults already applied). */
    public static SmaCrossover fromParameters(Map<String, Double> params) {
        return new SmaCrossover(params.get("fast").intValue(), params.get("slow").intValue(),
                params.get("allow_short") == 1.0);
    }

    /** Problems that involve more than one parameter, each starting with the parameter it is reported against. */
    public static List<String> crossParameterProblems(Map<String, Double> params) {
        List<String> problems = new ArrayList<>();
        if (params.get("slow") <= params.get("fast")) {
            problems.add("slow must be greater than fast");
        }
        return problems;
    }

    @Override
    public Signal onCandle(Candle candle) {
        double close = candle.close();
        fast.add(close);
        slow.add(close);
        if (!slow.isReady()) {
            return Signal.NONE;
        }
        int side = side(fast.value(), slow.value());
        int before = previousSide;
        previousSide = side;
        if (before < 0 && side > 0) {
            // UNDEFINED is negative too, so guard it: there was no bar to cross from.
            return before == UNDEFINED ? Signal.NONE : Signal.ENTER_LONG;
        }
        if (before > 0 && side < 0) {
            return allowShort ? Signal.ENTER_SHORT : Signal.EXIT_LONG;
        }
        return Signal.NONE;
    }

    private static int side(double fastValue, double slowValue) {
        double tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(fastValue), Math.abs(slowValue));
        double diff = fastValue - slowValue;
        return diff > tolerance ? 1 : diff < -tolerance ? -1 : 0;
    }
}

package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;

import java.util.List;
import java.util.Map;

/**
 * Donchian channel breakout (the Turtle rules' core). The channels exclude the current candle: a close above the
 * highest high of the previous {@code entry} candles signals {@link Signal#ENTER_LONG}; with {@code allow_short}
 * a close below the lowest low of the previous {@code entry} candles signals {@link Signal#ENTER_SHORT}. A close
 * below the lowest low of the previous {@code exit} candles exits a long, one above their highest high exits a
 * short. Entries take precedence over exits. With {@code atr_multiple} &gt; 0 each position also gets a protective
 * stop {@code atr_multiple} × ATR({@code atr_period}) (Wilder) away from its entry price, using the ATR known when
 * the entry was decided.
 */
public final class DonchianBreakout implements Strategy {

    public static final String ID = "donchian-breakout";

    private static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(ID,
            "Goes long when the close breaks above the highest high of the entry channel and exits when it breaks"
                    + " below the lowest low of the exit channel (mirrored for shorts with allow_short), with an"
                    + " ATR-based protective stop.",
            List.of(new ParameterSpec("entry", "Entry channel length, in candles", 20, 1, 1000, true),
                    new ParameterSpec("exit", "Exit channel length, in candles", 10, 1, 1000, true),
                    new ParameterSpec("atr_period", "ATR period for the stop, in candles", 14, 1, 1000, true),
                    new ParameterSpec("atr_multiple", "Stop distance from the entry price in ATRs; 0 = no ATR stop",
                            2, 0, 100, false),
                    new ParameterSpec("allow_short", "1 = also trade breakouts below the entry channel, 0 = long only",
                            0, 0, 1, true)));

    private final RollingExtremes entryChannel;
    private final RollingExtremes exitChannel;
    private final AverageTrueRange atr;
    private final double atrMultiple;
    private final boolean allowShort;

    public DonchianBreakout(int entry, int exit, int atrPeriod, double atrMultiple, boolean allowShort) {
        if (entry < 1) {
            throw new IllegalArgumentException(ID + ".entry must be at least 1");
        }
        if (exit < 1) {
            throw new IllegalArgumentException(ID + ".exit must be at least 1");
        }
        if (!(atrMultiple >= 0)) {
            throw new IllegalArgumentException(ID + ".atr_multiple must not be negative");
        }
        this.entryChannel = new RollingExtremes(entry);
        this.exitChannel = new RollingExtremes(exit);
        this.atr = new AverageTrueRange(atrPeriod);
        this.atrMultiple = atrMultiple;
        this.allowShort = allowShort;
    }

    public static StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    public static DonchianBreakout fromParameters(Map<String, Double> params) {
        return new DonchianBreakout(params.get("entry").intValue(), params.get("exit").intValue(),
                params.get("atr_period").intValue(), params.get("atr_multiple"), params.get("allow_short") == 1.0);
    }

    @Override
    public Signal onCandle(Candle candle) {
        Signal signal = Signal.NONE;
        double close = candle.close();
        if (entryChannel.isReady() && close > entryChannel.highest()) {
            signal = Signal.ENTER_LONG;
        } else if (allowShort && entryChannel.isReady() && close < entryChannel.lowest()) {
            signal = Signal.ENTER_SHORT;
        } else if (exitChannel.isReady() && close < exitChannel.lowest()) {
            signal = Signal.EXIT_LONG;
        } else if (exitChannel.isReady() && close > exitChannel.highest()) {
            signal = Signal.EXIT_SHORT;
        }
        entryChannel.add(candle.high(), candle.low());
        exitChannel.add(candle.high(), candle.low());
        atr.add(candle);
        return signal;
    }

    @Override
    public double stopPrice(boolean longPosition, double entryPrice) {
        if (atrMultiple == 0 || !atr.isReady()) {
            return Double.NaN;
        }
        double distance = atrMultiple * atr.value();
        return longPosition ? entryPrice - distance : entryPrice + distance;
    }
}

package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Swings, breaks of structure, changes of character and the trend of one timeframe, one closed candle at a time.
 * Nothing is ever revised: each event is emitted at the close of the candle that makes it known.
 * <ul>
 *   <li><b>Swing high</b> at candle i (lookback L): high(i) is <em>strictly</em> greater than the high of each of
 *       the L candles before it and the L candles after it. A tie with any of them means no swing (two equal
 *       highs side by side make neither a swing high). It needs L candles before it (the first L candles are never
 *       swings) and is confirmed — emitted — at the close of candle i + L, exactly L candles later. Swing lows
 *       mirror this with strictly lower lows. One candle can be both (an outside bar); the high is emitted first.</li>
 *   <li><b>Breaks</b>: at each close, after the swings confirmed by that candle, the close is compared with the
 *       latest confirmed swing high and swing low that have not been broken yet. close &gt; swing high is a bullish
 *       break, close &lt; swing low a bearish one (a close equal to the level breaks nothing). Each swing is broken
 *       at most once; a newer swing replaces the older one as the level to break (a freshly confirmed swing is
 *       never already broken: the closes after it are all inside its range).</li>
 *   <li><b>BOS / CHoCH / trend</b>: a break in the direction of the trend is a break of structure ({@code bos});
 *       the first break against it is a change of character ({@code choch}) and flips the trend. While the trend
 *       is still {@code undefined}, the first break is reported as a {@code bos} and sets the trend.</li>
 * </ul>
 */
public final class MarketStructure {

    private final int lookback;
    private final CandleWindow window;
    private Trend trend = Trend.UNDEFINED;
    private Swing swingHigh;
    private Swing swingLow;
    private boolean swingHighBroken;
    private boolean swingLowBroken;

    public MarketStructure(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be at least 1, got " + lookback);
        }
        this.lookback = lookback;
        this.window = new CandleWindow(2 * lookback + 1);
    }

    /** Feeds the next closed candle; returns the events it makes known, in order: swings, then breaks. */
    public List<StructureSignal> onCandle(Candle candle) {
        window.add(candle);
        List<StructureSignal> out = new ArrayList<>(2);
        if (window.count() >= 2L * lookback + 1) {
            Candle pivot = window.back(lookback);
            boolean high = true;
            boolean low = true;
            for (int k = 0; k <= 2 * lookback; k++) {
                if (k == lookback) {
                    continue;
                }
                Candle other = window.back(k);
                high &= pivot.high() > other.high();
                low &= pivot.low() < other.low();
            }
            if (high) {
                swingHigh = new Swing(pivot.time(), pivot.high());
                swingHighBroken = false;
                out.add(StructureSignal.level(candle.time(), StructureKind.SWING_HIGH, Bias.BEARISH, swingHigh, trend));
            }
            if (low) {
                swingLow = new Swing(pivot.time(), pivot.low());
                swingLowBroken = false;
                out.add(StructureSignal.level(candle.time(), StructureKind.SWING_LOW, Bias.BULLISH, swingLow, trend));
            }
        }
        if (swingHigh != null && !swingHighBroken && candle.close() > swingHigh.price()) {
            swingHighBroken = true;
            out.add(breakOf(candle, swingHigh, Trend.UP, Bias.BULLISH));
        }
        if (swingLow != null && !swingLowBroken && candle.close() < swingLow.price()) {
            swingLowBroken = true;
            out.add(breakOf(candle, swingLow, Trend.DOWN, Bias.BEARISH));
        }
        return out;
    }

    private StructureSignal breakOf(Candle candle, Swing level, Trend direction, Bias bias) {
        StructureKind kind = trend == Trend.UNDEFINED || trend == direction ? StructureKind.BOS : StructureKind.CHOCH;
        trend = direction;
        return StructureSignal.level(candle.time(), kind, bias, level, trend);
    }

    public int lookback() {
        return lookback;
    }

    /** The trend after the candles fed so far. */
    public Trend trend() {
        return trend;
    }

    /** The latest confirmed swing high, broken or not. */
    public Optional<Swing> lastSwingHigh() {
        return Optional.ofNullable(swingHigh);
    }

    /** The latest confirmed swing low, broken or not. */
    public Optional<Swing> lastSwingLow() {
        return Optional.ofNullable(swingLow);
    }
}

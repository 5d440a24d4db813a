package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;

/**
 * A trading rule. An instance belongs to one run: it may keep state across calls, and the engine calls it
 * from one thread only. Only {@link #onCandle} is required; the other methods have neutral defaults, so a
 * strategy written as a lambda keeps working.
 */
@FunctionalInterface
public interface Strategy {

    /**
     * Called once per candle of the driving (finest requested) timeframe, in time order, after that candle has
     * closed. The returned signal is executed at the next candle's open (fill {@code next_open}) or at this
     * candle's close (fill {@code close}) — both prices exist only once the decision could have been made.
     */
    Signal onCandle(Candle candle);

    /**
     * Called with each candle of a higher requested timeframe once it has <em>closed</em>: right after the
     * driving candle that ends at the bucket boundary (before {@link #onCandle} for that driving candle), or,
     * if that driving candle is missing from the data, before the first driving candle of a later bucket. A
     * bucket still forming is never shown. Higher timeframes are delivered finest first.
     */
    default void onHigherTimeframeCandle(Timeframe timeframe, Candle closed) {
    }

    /**
     * An optional protective stop for a position just opened at {@code entryPrice} (the fill price, after
     * slippage), e.g. an ATR-based one; NaN (the default) for none. A stop on the wrong side of the entry is
     * ignored. When the generic {@code stop_loss_pct} is set as well, the stop closer to the entry applies.
     */
    default double stopPrice(boolean longPosition, double entryPrice) {
        return Double.NaN;
    }
}

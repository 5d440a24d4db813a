package io.tapecast.engine.strategy;

import io.tapecast.engine.market.Candle;

/**
 * A trading rule. An instance belongs to one run: it may keep state across calls, and the engine calls it
 * from one thread only.
 */
@FunctionalInterface
public interface Strategy {

    /**
     * Called once per candle of the driving timeframe, in time order, after that candle has closed. The
     * returned signal is executed at the next candle's open, so looking at {@code candle.close()} is not
     * look-ahead.
     */
    Signal onCandle(Candle candle);
}

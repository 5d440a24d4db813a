package io.tapecast.engine.market;

import java.time.Instant;
import java.util.List;

/** Anything that can answer "which candles of this symbol and timeframe open in this range". */
@FunctionalInterface
public interface CandleSource {

    /**
     * Candles whose open time lies in [{@code fromInclusive}, {@code toExclusive}), ascending by time; an empty
     * list when there are none. Each returned candle is complete, even if it closes after {@code toExclusive}.
     */
    List<Candle> candles(String symbol, Timeframe timeframe, Instant fromInclusive, Instant toExclusive);
}

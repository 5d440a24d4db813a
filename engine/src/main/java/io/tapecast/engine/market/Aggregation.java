package io.tapecast.engine.market;

import java.util.ArrayList;
import java.util.List;

/** Builds coarser candles from finer ones. */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * Groups {@code finer} (ascending, strictly increasing times) by {@code target.floor(time)}: open = first
     * open, close = last close, high = max, low = min, volume = sum.
     * <p>
     * Partial buckets at the edges are kept: if the input starts at 10:30, the 10:00 hourly candle is built
     * from the half hour that exists. Dropping them would silently lose the first and last bars of a data
     * file that does not begin on a bucket boundary; a caller that wants only complete buckets should pass
     * finer candles covering whole buckets.
     *
     * @throws IllegalArgumentException if the input is not strictly ascending
     */
    public static List<Candle> aggregate(List<Candle> finer, Timeframe target) {
        List<Candle> out = new ArrayList<>();
        BucketAccumulator acc = new BucketAccumulator(target, out::add);
        Candle previous = null;
        for (Candle candle : finer) {
            if (previous != null && !candle.time().isAfter(previous.time())) {
                throw new IllegalArgumentException("candles must be strictly ascending: " + candle.time()
                        + " follows " + previous.time());
            }
            acc.add(candle.time().getEpochSecond(), candle.open(), candle.high(), candle.low(), candle.close(),
                    candle.volume());
            previous = candle;
        }
        acc.flush();
        return out;
    }
}

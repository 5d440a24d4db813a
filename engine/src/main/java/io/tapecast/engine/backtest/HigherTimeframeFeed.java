package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;

import java.time.Instant;

/**
 * Builds one higher timeframe's candles from the driving candles as they pass (open = first open, high = max,
 * low = min, close = last close, volume = sum — as {@link io.tapecast.engine.market.Aggregation} does) and hands
 * each to the strategies only once it has closed: right after the driving candle that ends at the bucket boundary,
 * or, when that candle is missing, as soon as a driving candle of a later bucket arrives. A bucket still open when
 * the data ends is never delivered. The first bucket is partial if the range starts inside it.
 */
final class HigherTimeframeFeed {

    private final Timeframe timeframe;
    private final long seconds;
    private final long drivingSeconds;
    private boolean forming;
    private long bucket;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;

    HigherTimeframeFeed(Timeframe timeframe, Timeframe driving) {
        this.timeframe = timeframe;
        this.seconds = timeframe.duration().getSeconds();
        this.drivingSeconds = driving.duration().getSeconds();
    }

    /** Folds in a driving candle, before the strategies see it, delivering every higher candle that has closed. */
    void accept(Candle candle, SubPortfolio[] books) {
        long time = candle.time().getEpochSecond();
        long start = Math.floorDiv(time, seconds) * seconds;
        if (forming && start != bucket) {
            deliver(books);
        }
        if (!forming) {
            forming = true;
            bucket = start;
            open = candle.open();
            high = candle.high();
            low = candle.low();
            close = candle.close();
            volume = candle.volume();
        } else {
            high = Math.max(high, candle.high());
            low = Math.min(low, candle.low());
            close = candle.close();
            volume += candle.volume();
        }
        if (time + drivingSeconds == start + seconds) {
            deliver(books);
        }
    }

    private void deliver(SubPortfolio[] books) {
        forming = false;
        Candle closed = new Candle(Instant.ofEpochSecond(bucket), open, high, low, close, volume);
        for (SubPortfolio book : books) {
            book.strategy().onHigherTimeframeCandle(timeframe, closed);
        }
    }
}

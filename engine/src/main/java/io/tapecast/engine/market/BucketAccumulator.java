package io.tapecast.engine.market;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Folds a time-ordered stream of finer bars into buckets of one timeframe using primitives only, so the
 * synthetic source can aggregate hundreds of thousands of 1m bars without allocating a Candle for each.
 * Both {@link Aggregation} and {@link SyntheticCandleSource} go through here, which keeps their sums in the
 * same order and therefore bit-identical.
 */
final class BucketAccumulator {

    private final Timeframe target;
    private final Consumer<Candle> sink;
    private long bucketStart = Long.MIN_VALUE;
    private boolean open;
    private double o;
    private double h;
    private double l;
    private double c;
    private double v;

    BucketAccumulator(Timeframe target, Consumer<Candle> sink) {
        this.target = target;
        this.sink = sink;
    }

    void add(long epochSecond, double open, double high, double low, double close, double volume) {
        long bucket = Math.floorDiv(epochSecond, target.duration().getSeconds()) * target.duration().getSeconds();
        if (this.open && bucket != bucketStart) {
            flush();
        }
        if (!this.open) {
            this.open = true;
            bucketStart = bucket;
            o = open;
            h = high;
            l = low;
            c = close;
            v = volume;
            return;
        }
        h = Math.max(h, high);
        l = Math.min(l, low);
        c = close;
        v += volume;
    }

    /** Emits the bucket in progress, if any; call once more after the last bar. */
    void flush() {
        if (open) {
            sink.accept(new Candle(Instant.ofEpochSecond(bucketStart), o, h, l, c, v));
            open = false;
        }
    }
}

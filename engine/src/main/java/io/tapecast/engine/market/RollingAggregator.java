package io.tapecast.engine.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds coarser candles from a live stream of closed base candles, one at a time: after each base candle it
 * reports every target timeframe's candle as it now stands — forming ({@code closed = false}) or, when the base
 * candle completes its bucket, closed. A closed candle is reported exactly once; a bucket whose last base candle
 * never comes (a gap in the data) is closed when the first candle of a later bucket arrives. Every value equals
 * {@link Aggregation#aggregate} over the same base candles, so live and historic views tell one price story.
 */
public final class RollingAggregator {

    /** One timeframe's candle after a base candle: forming, or closed for good. */
    public record Update(Timeframe timeframe, Candle candle, boolean closed) {
        public Update {
            Objects.requireNonNull(timeframe, "timeframe");
            Objects.requireNonNull(candle, "candle");
        }
    }

    private final Timeframe base;
    private final Bucket[] buckets;

    public RollingAggregator(Timeframe base, List<Timeframe> targets) {
        this.base = Objects.requireNonNull(base, "base");
        this.buckets = new Bucket[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            Timeframe target = targets.get(i);
            if (target == base || !base.divides(target) || target.duration().compareTo(base.duration()) <= 0) {
                throw new IllegalArgumentException(target.label() + " cannot be built from " + base.label() + " candles");
            }
            buckets[i] = new Bucket(target);
        }
    }

    public Timeframe base() {
        return base;
    }

    /**
     * Takes the next closed base candle (times strictly increasing) and returns the base candle itself (closed)
     * followed by each target's update, finest first; a target whose previous bucket was left open by a gap
     * reports that bucket as closed before the new one.
     */
    public List<Update> accept(Candle candle) {
        List<Update> updates = new ArrayList<>(1 + 2 * buckets.length);
        updates.add(new Update(base, candle, true));
        Instant end = candle.time().plus(base.duration());
        for (Bucket bucket : buckets) {
            bucket.accept(candle, end, updates);
        }
        return updates;
    }

    private static final class Bucket {
        private final Timeframe timeframe;
        private Instant open;
        private double o;
        private double h;
        private double l;
        private double c;
        private double v;
        private Instant lastBaseTime;

        Bucket(Timeframe timeframe) {
            this.timeframe = timeframe;
        }

        void accept(Candle candle, Instant baseEnd, List<Update> updates) {
            if (lastBaseTime != null && !candle.time().isAfter(lastBaseTime)) {
                throw new IllegalArgumentException("base candles must come in time order: " + candle.time()
                        + " after " + lastBaseTime);
            }
            lastBaseTime = candle.time();
            Instant bucketOpen = timeframe.floor(candle.time());
            if (open != null && !open.equals(bucketOpen)) {
                updates.add(new Update(timeframe, current(), true));
                open = null;
            }
            if (open == null) {
                open = bucketOpen;
                o = candle.open();
                h = candle.high();
                l = candle.low();
                v = 0;
            } else {
                h = Math.max(h, candle.high());
                l = Math.min(l, candle.low());
            }
            c = candle.close();
            v += candle.volume();
            boolean closes = !baseEnd.isBefore(bucketOpen.plus(timeframe.duration()));
            updates.add(new Update(timeframe, current(), closes));
            if (closes) {
                open = null;
            }
        }

        private Candle current() {
            return new Candle(open, o, h, l, c, v);
        }
    }
}

package io.tapecast.engine.market;

import java.time.Instant;
import java.util.List;

/** Range look-ups on ascending candle lists by binary search, so repeated runs over a large file stay cheap. */
final class CandleRanges {

    private CandleRanges() {
    }

    /** The candles whose open time lies in [from, to), as a view of {@code sorted}. */
    static List<Candle> between(List<Candle> sorted, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return sorted.subList(firstAtOrAfter(sorted, from), firstAtOrAfter(sorted, to));
    }

    private static int firstAtOrAfter(List<Candle> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

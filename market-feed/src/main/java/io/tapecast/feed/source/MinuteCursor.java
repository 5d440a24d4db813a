package io.tapecast.feed.source;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.Timeframe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Walks one symbol's 1m candles forward in simulated time, a day at a time from the source, so a live feed can run
 * for as long as the source has data (the synthetic market reaches 2100) without holding it all.
 */
public final class MinuteCursor {

    private static final Duration CHUNK = Duration.ofDays(1);

    private final CandleSource source;
    private final String symbol;
    private final Instant end;
    private final Deque<Candle> buffered = new ArrayDeque<>();
    private Instant next;

    /** Candles with open time at or after {@code from}, up to {@code end} (exclusive). */
    public MinuteCursor(CandleSource source, String symbol, Instant from, Instant end) {
        this.source = source;
        this.symbol = symbol;
        this.next = from;
        this.end = end;
    }

    /** The next 1m candle, or empty when the source has no more before {@code end}. */
    public Optional<Candle> next() {
        while (buffered.isEmpty() && next.isBefore(end)) {
            Instant to = next.plus(CHUNK).isAfter(end) ? end : next.plus(CHUNK);
            buffered.addAll(source.candles(symbol, Timeframe.M1, next, to));
            next = to;
        }
        return Optional.ofNullable(buffered.poll());
    }
}

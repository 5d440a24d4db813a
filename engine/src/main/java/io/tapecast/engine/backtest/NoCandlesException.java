package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Timeframe;

import java.time.Instant;

/** The requested range holds no candle of the driving timeframe, so there is nothing to backtest. */
public final class NoCandlesException extends RuntimeException {

    private final String symbol;
    private final Timeframe timeframe;
    private final Instant from;
    private final Instant to;

    public NoCandlesException(String symbol, Timeframe timeframe, Instant from, Instant to) {
        super("no " + timeframe.label() + " candles for " + symbol + " in [" + from + ", " + to + ")");
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.from = from;
        this.to = to;
    }

    public String symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }
}

package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made hourly candles for the analyser tests. */
final class Bars {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Candle> candles = new ArrayList<>();

    static Instant time(int index) {
        return T0.plusSeconds(3_600L * index);
    }

    Bars ohlc(double open, double high, double low, double close) {
        candles.add(new Candle(time(candles.size()), open, high, low, close, 1));
        return this;
    }

    /** A candle whose open equals its close. */
    Bars hlc(double high, double low, double close) {
        return ohlc(close, high, low, close);
    }

    Bars repeat(int times, double open, double high, double low, double close) {
        for (int i = 0; i < times; i++) {
            ohlc(open, high, low, close);
        }
        return this;
    }

    List<Candle> list() {
        return List.copyOf(candles);
    }

    int size() {
        return candles.size();
    }
}

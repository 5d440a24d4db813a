package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;

/** The last {@code capacity} candles of a series, addressed by how far back they are (0 = the latest). */
final class CandleWindow {

    private final Candle[] ring;
    private long count;

    CandleWindow(int capacity) {
        this.ring = new Candle[capacity];
    }

    /**
     * Appends a candle.
     *
     * @throws IllegalArgumentException if it is not strictly after the previous one
     */
    void add(Candle candle) {
        if (count > 0 && !candle.time().isAfter(back(0).time())) {
            throw new IllegalArgumentException("closed candles must arrive in strictly ascending time: "
                    + candle.time() + " follows " + back(0).time());
        }
        ring[(int) (count % ring.length)] = candle;
        count++;
    }

    /** How many candles were added in all; the latest has index {@code count() - 1}. */
    long count() {
        return count;
    }

    /** The candle {@code k} candles before the latest (0 = the latest); k must be below min(count, capacity). */
    Candle back(int k) {
        if (k < 0 || k >= ring.length || k >= count) {
            throw new IndexOutOfBoundsException("no candle " + k + " back");
        }
        return ring[(int) ((count - 1 - k) % ring.length)];
    }
}

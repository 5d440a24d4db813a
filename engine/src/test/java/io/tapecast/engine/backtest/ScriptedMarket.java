package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.engine.strategy.StrategyDescriptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made daily candles and a strategy that emits pre-set signals, for hand-computed backtests. */
final class ScriptedMarket {

    static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Candle> candles = new ArrayList<>();

    /** Appends a daily candle with the given open and close; high and low just wrap them. */
    ScriptedMarket day(double open, double close) {
        Instant time = DAY0.plusSeconds(86_400L * candles.size());
        candles.add(new Candle(time, open, Math.max(open, close), Math.min(open, close), close, 1_000));
        return this;
    }

    /** Appends a daily candle with explicit prices. */
    ScriptedMarket bar(double open, double high, double low, double close) {
        Instant time = DAY0.plusSeconds(86_400L * candles.size());
        candles.add(new Candle(time, open, high, low, close, 1_000));
        return this;
    }

    List<Candle> candles() {
        return List.copyOf(candles);
    }

    Instant time(int index) {
        return candles.get(index).time();
    }

    Instant end() {
        return DAY0.plusSeconds(86_400L * candles.size());
    }

    CandleSource source() {
        List<Candle> copy = candles();
        return (symbol, timeframe, from, to) -> copy.stream()
                .filter(c -> !c.time().isBefore(from) && c.time().isBefore(to))
                .toList();
    }

    /**
     * A catalog whose strategy {@code id} emits {@code signals[i]} on candle i (by its index in this market).
     */
    StrategyCatalog catalogWith(String id, Map<Integer, Signal> signals) {
        StrategyCatalog catalog = StrategyCatalog.defaults();
        register(catalog, id, signals);
        return catalog;
    }

    void register(StrategyCatalog catalog, String id, Map<Integer, Signal> signals) {
        List<Candle> copy = candles();
        catalog.register(new StrategyDescriptor(id, "scripted signals", List.of()),
                params -> candle -> signals.getOrDefault(copy.indexOf(candle), Signal.NONE));
    }
}

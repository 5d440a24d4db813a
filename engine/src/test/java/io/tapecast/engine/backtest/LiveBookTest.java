package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The live book trades exactly like a backtest over the same candles, one candle at a time. */
class LiveBookTest {

    private static final double EPS = 1e-9;

    private static EngineOptions options(double feeBps, double slippageBps, FillMode fill) {
        return new EngineOptions(10_000, feeBps, slippageBps, 1.0, false, fill, false, null, 0);
    }

    @Test
    void aSignalOnCandleTFillsAtTheOpenOfCandleTPlusOneWhenItArrives() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100)      // 0: enter long
                .day(110, 120)      // 1: fill at 110
                .day(120, 90)       // 2: exit long
                .day(95, 97);       // 3: fill at 95
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, Signal.ENTER_LONG, 2, Signal.EXIT_LONG));
        LiveBook book = new LiveBook("BTC-USD", Timeframe.D1, List.of(), List.of("script"), Map.of(),
                options(10, 0, FillMode.NEXT_OPEN), 5_000, catalog);
        List<Candle> candles = market.candles();

        assertThat(book.onClosedCandle(candles.get(0))).isEmpty();
        LivePosition flat = book.position("script");
        assertThat(flat.equity()).isEqualTo(5_000);
        assertThat(flat.realizedPnl()).isZero();

        List<Fill> entry = book.onClosedCandle(candles.get(1));
        // units = 5000 / (110 × 1.001) = 45.40917...; fee = 110 × units × 0.001 = 4.995004995
        double units = 5_000 / (110 * 1.001);
        double entryFee = 110 * units * 0.001;
        assertThat(entry).singleElement().satisfies(f -> {
            assertThat(f.entry()).isTrue();
            assertThat(f.side()).isEqualTo(Fill.Side.BUY);
            assertThat(f.time()).isEqualTo(market.time(1));
            assertThat(f.price()).isEqualTo(110);
            assertThat(f.quantity()).isCloseTo(units, within(EPS));
            assertThat(f.fee()).isCloseTo(entryFee, within(EPS));
            assertThat(f.tradeId()).isEqualTo("script-1");
        });
        LivePosition open = book.position("script");
        assertThat(open.quantity()).isCloseTo(units, within(EPS));
        assertThat(open.entryPrice()).isEqualTo(110);
        assertThat(open.marketPrice()).isEqualTo(120);
        assertThat(open.unrealizedPnl()).isCloseTo(units * 10, within(EPS));
        assertThat(open.realizedPnl()).isCloseTo(-entryFee, within(EPS));
        assertThat(open.equity()).isCloseTo(5_000 + open.realizedPnl() + open.unrealizedPnl(), within(EPS));
        assertThat(open.openTradeId()).isEqualTo("script-1");

        assertThat(book.onClosedCandle(candles.get(2))).isEmpty();
        assertThat(book.position("script").unrealizedPnl()).isCloseTo(units * -20, within(EPS));

        List<Fill> exit = book.onClosedCandle(candles.get(3));
        double exitFee = 95 * units * 0.001;
        double pnl = (95 - 110) * units - entryFee - exitFee;
        assertThat(exit).singleElement().satisfies(f -> {
            assertThat(f.entry()).isFalse();
            assertThat(f.price()).isEqualTo(95);
            assertThat(f.pnl()).isCloseTo(pnl, within(EPS));
        });
        LivePosition closed = book.position("script");
        assertThat(closed.quantity()).isZero();
        assertThat(closed.unrealizedPnl()).isZero();
        assertThat(closed.realizedPnl()).isCloseTo(pnl, within(EPS));
        assertThat(closed.equity()).isCloseTo(5_000 + pnl, within(EPS));
        assertThat(closed.fees()).isCloseTo(entryFee + exitFee, within(EPS));
        assertThat(closed.openTradeId()).isNull();
    }

    @Test
    void stopsAreCheckedAgainstTheRangeOfEachArrivingCandle() {
        ScriptedMarket market = new ScriptedMarket()
                .bar(100, 100, 100, 100)   // 0: enter long
                .bar(100, 101, 99, 100)    // 1: fill at 100; stop at 95
                .bar(99, 100, 94, 96);     // 2: low 94 ≤ 95: stopped at 95
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, Signal.ENTER_LONG));
        LiveBook book = new LiveBook("AAPL", Timeframe.D1, List.of(), List.of("script"),
                Map.of("script", Map.of(StrategyCatalog.STOP_LOSS_PCT, 5.0)), options(0, 0, FillMode.NEXT_OPEN),
                1_000, catalog);
        book.onClosedCandle(market.candles().get(0));
        book.onClosedCandle(market.candles().get(1));
        assertThat(book.onClosedCandle(market.candles().get(2))).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(SubPortfolio.STOP_LOSS);
            assertThat(f.price()).isEqualTo(95);
            assertThat(f.pnl()).isCloseTo(-50, within(EPS));
        });
    }

    @Test
    void feedingCandlesOneByOneGivesTheBacktestsFills() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-03-01T00:00:00Z");
        SyntheticCandleSource source = new SyntheticCandleSource();
        EngineOptions options = new EngineOptions(10_000, 10, 5, 0.8, false, FillMode.NEXT_OPEN, false, null, 0);
        Map<String, Map<String, Double>> params = Map.of(
                "sma-crossover", Map.of("fast", 5.0, "slow", 20.0, StrategyCatalog.STOP_LOSS_PCT, 3.0),
                "donchian-breakout", Map.of());
        List<String> ids = List.of("sma-crossover", "donchian-breakout");
        BacktestSpec spec = new BacktestSpec("BTC-USD", List.of(Timeframe.H1, Timeframe.H4), from, to, ids, params,
                options);
        BacktestResult backtest = new BacktestEngine(source, StrategyCatalog.defaults())
                .run(spec, new BacktestListener() {
                });

        LiveBook book = new LiveBook("BTC-USD", Timeframe.H1, List.of(Timeframe.H4), ids, params, options,
                5_000, StrategyCatalog.defaults());
        List<Fill> live = new ArrayList<>();
        for (Candle candle : source.candles("BTC-USD", Timeframe.H1, from, to)) {
            live.addAll(book.onClosedCandle(candle));
        }
        // the backtest reports the fills of one candle in strategy order, as the live book does
        assertThat(backtest.fills()).isNotEmpty();
        assertThat(live).containsExactlyElementsOf(backtest.fills());
        double equity = book.positions().stream().mapToDouble(LivePosition::equity).sum();
        assertThat(equity).isCloseTo(backtest.metrics().finalEquity(), within(1e-6));
    }

    @Test
    void refusesOutOfOrderCandlesAndBadConfiguration() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 101);
        StrategyCatalog catalog = market.catalogWith("script", Map.of());
        LiveBook book = new LiveBook("AAPL", Timeframe.D1, List.of(), List.of("script"), Map.of(),
                options(0, 0, FillMode.NEXT_OPEN), 1_000, catalog);
        book.onClosedCandle(market.candles().get(1));
        assertThatThrownBy(() -> book.onClosedCandle(market.candles().get(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.onClosedCandle(market.candles().get(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveBook("AAPL", Timeframe.H1, List.of(Timeframe.M1), List.of("script"),
                Map.of(), options(0, 0, FillMode.NEXT_OPEN), 1_000, catalog))
                .hasMessageContaining("not coarser");
        assertThatThrownBy(() -> new LiveBook("AAPL", Timeframe.H1, List.of(), List.of("nope"),
                Map.of(), options(0, 0, FillMode.NEXT_OPEN), 1_000, catalog))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

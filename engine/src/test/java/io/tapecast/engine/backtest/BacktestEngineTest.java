package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.BacktestMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tapecast.engine.strategy.Signal.ENTER_LONG;
import static io.tapecast.engine.strategy.Signal.EXIT_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestEngineTest {

    private static final double EPS = 1e-9;

    private static BacktestSpec spec(ScriptedMarket market, List<String> strategies, double feeBps) {
        return new BacktestSpec("TEST", List.of(Timeframe.D1), ScriptedMarket.DAY0, market.end(), strategies, Map.of(),
                10_000, feeBps);
    }

    private static BacktestResult run(ScriptedMarket market, StrategyCatalog catalog, BacktestSpec spec,
                                      BacktestListener listener) {
        return new BacktestEngine(market.source(), catalog).run(spec, listener);
    }

    @Test
    void fillsAtTheNextOpenAndChargesFeesOnBothSides() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(110, 120).day(130, 125).day(125, 125);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG, 1, EXIT_LONG));

        // 1% fee. Entry at 110: qty = 10000 / (110 × 1.01), value 9900.990099, fee 99.009901.
        // Exit at 130: value 11701.170117, fee 117.011701, proceeds 11584.158416.
        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 100), BacktestListener.NONE);

        double qty = 10_000 / (110 * 1.01);
        assertThat(result.fills()).hasSize(2);
        Fill entry = result.fills().get(0);
        assertThat(entry.tradeId()).isEqualTo("script-1");
        assertThat(entry.side()).isEqualTo(Fill.Side.BUY);
        assertThat(entry.entry()).isTrue();
        assertThat(entry.time()).isEqualTo(market.time(1));
        assertThat(entry.price()).isEqualTo(110);
        assertThat(entry.quantity()).isCloseTo(qty, within(EPS));
        assertThat(entry.fee()).isCloseTo(99.00990099, within(1e-6));
        assertThat(entry.pnl()).isNull();

        Fill exit = result.fills().get(1);
        assertThat(exit.tradeId()).isEqualTo("script-1");
        assertThat(exit.side()).isEqualTo(Fill.Side.SELL);
        assertThat(exit.entry()).isFalse();
        assertThat(exit.time()).isEqualTo(market.time(2));
        assertThat(exit.price()).isEqualTo(130);
        assertThat(exit.fee()).isCloseTo(117.01170117, within(1e-6));
        assertThat(exit.pnl()).isCloseTo(1584.158416, within(1e-6));
        // pnl / entry value = (128.7 − 111.1) / 110 = 16 %
        assertThat(exit.pnlPercent()).isCloseTo(16.0, within(EPS));
        assertThat(exit.reason()).isEqualTo("exit_long");

        BacktestMetrics m = result.metrics();
        assertThat(m.finalEquity()).isCloseTo(11_584.158416, within(1e-6));
        assertThat(m.netProfit()).isCloseTo(1_584.158416, within(1e-6));
        assertThat(m.totalReturnPct()).isCloseTo(15.84158416, within(1e-6));
        assertThat(m.totalFees()).isCloseTo(216.02160216, within(1e-6));
        assertThat(m.maxDrawdownPct()).isZero();
    }

    @Test
    void tracksEquityAndMaxDrawdownAtEachClose() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 120).day(120, 90).day(90, 150).day(150, 135).day(135, 140);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG));
        List<PortfolioSnapshot> snapshots = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), new BacktestListener() {
            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                snapshots.add(snapshot);
            }
        });

        // 100 units bought at 100: equity 10000, 12000, 9000 (−25 % from 12000), 15000, 13500 (−10 %), 14000.
        assertThat(snapshots).extracting(PortfolioSnapshot::equity)
                .containsExactly(10_000.0, 12_000.0, 9_000.0, 15_000.0, 13_500.0, 14_000.0);
        assertThat(snapshots.get(2).drawdownPct()).isCloseTo(-25.0, within(EPS));
        assertThat(snapshots.get(2).peakEquity()).isEqualTo(12_000.0);
        assertThat(snapshots.get(4).drawdownPct()).isCloseTo(-10.0, within(EPS));
        assertThat(result.metrics().maxDrawdownPct()).isCloseTo(-25.0, within(EPS));
        assertThat(snapshots.get(3).pnl(10_000)).isEqualTo(5_000.0);
    }

    @Test
    void closesAnOpenPositionAtTheLastCloseAsEndOfData() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 120).day(120, 90).day(90, 150).day(150, 135).day(135, 140);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG));
        List<PortfolioSnapshot> snapshots = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), new BacktestListener() {
            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                snapshots.add(snapshot);
            }
        });

        Fill exit = result.fills().get(1);
        assertThat(exit.reason()).isEqualTo("end_of_data");
        assertThat(exit.time()).isEqualTo(market.time(5));
        assertThat(exit.price()).isEqualTo(140);
        assertThat(exit.pnl()).isCloseTo(4_000, within(EPS));
        assertThat(exit.pnlPercent()).isCloseTo(40, within(EPS));

        PortfolioSnapshot last = snapshots.get(snapshots.size() - 1);
        assertThat(last.openPositions()).isZero();
        assertThat(last.cash()).isEqualTo(last.equity());
        assertThat(result.metrics().finalEquity()).isEqualTo(last.equity()).isCloseTo(14_000, within(EPS));
        assertThat(result.metrics().tradeCount()).isEqualTo(1);
        assertThat(result.metrics().winRatePct()).isEqualTo(100);
    }

    @Test
    void countsWinsAndLossesOverRoundTrips() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 105).day(105, 110).day(120, 120).day(110, 100).day(99, 99).day(99, 99);
        StrategyCatalog catalog = market.catalogWith("script",
                Map.of(0, ENTER_LONG, 2, EXIT_LONG, 3, ENTER_LONG, 4, EXIT_LONG));

        // Trade 1: 100 units 100 → 120 = +2000. Trade 2: 12000 / 110 units 110 → 99 = −1200.
        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), BacktestListener.NONE);

        assertThat(result.fills()).extracting(Fill::tradeId)
                .containsExactly("script-1", "script-1", "script-2", "script-2");
        assertThat(result.fills().get(1).pnl()).isCloseTo(2_000, within(EPS));
        assertThat(result.fills().get(3).pnl()).isCloseTo(-1_200, within(EPS));
        BacktestMetrics m = result.metrics();
        assertThat(m.tradeCount()).isEqualTo(2);
        assertThat(m.winningTrades()).isEqualTo(1);
        assertThat(m.losingTrades()).isEqualTo(1);
        assertThat(m.winRatePct()).isEqualTo(50);
        assertThat(m.finalEquity()).isCloseTo(10_800, within(EPS));
        assertThat(m.totalReturnPct()).isCloseTo(8, within(EPS));
    }

    @Test
    void aSignalOnTheLastCandleIsNeverFilledAndInapplicableSignalsAreIgnored() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 101).day(101, 102);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, EXIT_LONG, 2, ENTER_LONG));

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 10), BacktestListener.NONE);

        assertThat(result.fills()).isEmpty();
        assertThat(result.metrics().finalEquity()).isEqualTo(10_000);
        assertThat(result.metrics().winRatePct()).isZero();
        assertThat(result.metrics().tradeCount()).isZero();
    }

    @Test
    void reportsFillsBeforeTheCandleTheyHappenOn() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 120).day(120, 130);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG));
        List<String> events = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), new BacktestListener() {
            @Override
            public void onStart(int totalCandles, Instant firstCandleTime) {
                events.add("start " + totalCandles + " " + firstCandleTime);
            }

            @Override
            public void onFill(Fill fill) {
                events.add((fill.entry() ? "entry " : "exit ") + fill.time());
            }

            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                events.add("candle " + processed + "/" + total + " open=" + snapshot.openPositions());
            }
        });

        assertThat(events).containsExactly(
                "start 3 2024-01-01T00:00:00Z",
                "candle 1/3 open=0",
                "entry 2024-01-02T00:00:00Z",
                "candle 2/3 open=1",
                "exit 2024-01-03T00:00:00Z",
                "candle 3/3 open=0");
        assertThat(result.candles()).isEqualTo(3);
        assertThat(result.firstCandleTime()).isEqualTo(market.time(0));
        assertThat(result.lastCandleTime()).isEqualTo(market.time(2));
    }

    @Test
    void severalStrategiesShareTheCapitalAsSeparateSubPortfolios() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 150).day(150, 200).day(200, 200);
        StrategyCatalog catalog = market.catalogWith("buyer", Map.of(0, ENTER_LONG, 1, EXIT_LONG));
        market.register(catalog, "idler", Map.of());

        // buyer: 5000 → 50 units at 100, sold at 150 = 7500; idler keeps 5000.
        BacktestResult result = run(market, catalog, spec(market, List.of("buyer", "idler"), 0), BacktestListener.NONE);

        assertThat(result.fills()).extracting(Fill::strategyId).containsOnly("buyer");
        assertThat(result.fills().get(0).quantity()).isCloseTo(50, within(EPS));
        assertThat(result.metrics().finalEquity()).isCloseTo(12_500, within(EPS));
        assertThat(result.metrics().tradeCount()).isEqualTo(1);
    }

    @Test
    void anEmptyRangeIsNoCandles() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100);
        BacktestSpec spec = new BacktestSpec("TEST", List.of(Timeframe.D1, Timeframe.H4),
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"), List.of("sma-crossover"),
                Map.of(), 1_000, 0);

        assertThatThrownBy(() -> run(market, StrategyCatalog.defaults(), spec, BacktestListener.NONE))
                .isInstanceOf(NoCandlesException.class)
                .hasMessageContaining("TEST")
                .hasMessageContaining("4h")
                .hasMessageContaining("2030-01-01T00:00:00Z");
    }

    @Test
    void unknownStrategiesAndBadParametersAreRejected() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100);
        BacktestEngine engine = new BacktestEngine(market.source(), StrategyCatalog.defaults());

        assertThatThrownBy(() -> engine.run(spec(market, List.of("nope"), 0), BacktestListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown strategy 'nope'");
        BacktestSpec badParams = new BacktestSpec("TEST", List.of(Timeframe.D1), ScriptedMarket.DAY0, market.end(),
                List.of("sma-crossover"), Map.of("sma-crossover", Map.of("slow", 3.0)), 1_000, 0);
        assertThatThrownBy(() -> engine.run(badParams, BacktestListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sma-crossover.slow must be greater than fast");
    }

    @Test
    void runsAreDeterministic() {
        BacktestSpec spec = new BacktestSpec("BTC-USD", List.of(Timeframe.H1), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"), List.of("sma-crossover"),
                Map.of("sma-crossover", Map.of("fast", 5.0, "slow", 20.0)), 10_000, 10);

        BacktestResult first = new BacktestEngine(new SyntheticCandleSource(), StrategyCatalog.defaults())
                .run(spec, BacktestListener.NONE);
        BacktestResult second = new BacktestEngine(new SyntheticCandleSource(), StrategyCatalog.defaults())
                .run(spec, BacktestListener.NONE);

        assertThat(first.metrics().tradeCount()).isPositive();
        assertThat(second).isEqualTo(first);
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.Signal;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.tapecast.engine.strategy.Signal.ENTER_LONG;
import static io.tapecast.engine.strategy.Signal.ENTER_SHORT;
import static io.tapecast.engine.strategy.Signal.EXIT_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestEngineTest {

    private static final double EPS = 1e-9;
    private static final EngineOptions DEFAULTS = EngineOptions.defaults();

    private static BacktestSpec spec(ScriptedMarket market, List<String> strategies, double feeBps) {
        return new BacktestSpec("TEST", List.of(Timeframe.D1), ScriptedMarket.DAY0, market.end(), strategies, Map.of(),
                10_000, feeBps);
    }

    private static BacktestSpec spec(ScriptedMarket market, EngineOptions options,
                                     Map<String, Map<String, Double>> params) {
        return new BacktestSpec("TEST", List.of(Timeframe.D1), ScriptedMarket.DAY0, market.end(), List.of("script"),
                params, options);
    }

    private static EngineOptions options(double feeBps, double slippageBps, double size, boolean whole, FillMode fill,
                                         boolean closeAtEnd) {
        return new EngineOptions(10_000, feeBps, slippageBps, size, whole, fill, closeAtEnd, null, 0);
    }

    private static BacktestResult run(ScriptedMarket market, StrategyCatalog catalog, BacktestSpec spec,
                                      BacktestListener listener) {
        return new BacktestEngine(market.source(), catalog).run(spec, listener);
    }

    private static BacktestResult run(ScriptedMarket market, Map<Integer, Signal> signals, BacktestSpec spec) {
        return run(market, market.catalogWith("script", signals), spec, BacktestListener.NONE);
    }

    // ---- fills and costs ----

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
        assertThat(entry.reason()).isEqualTo("enter_long");

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
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void fillCloseExecutesAtTheCloseOfTheSignallingCandle() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 110).day(110, 120).day(120, 120);

        BacktestResult result = run(market, Map.of(1, ENTER_LONG, 2, EXIT_LONG),
                spec(market, options(0, 0, 1, false, FillMode.CLOSE, true), null));

        assertThat(result.fills()).extracting(Fill::time).containsExactly(market.time(1), market.time(2));
        assertThat(result.fills()).extracting(Fill::price).containsExactly(110.0, 120.0);
        assertThat(result.fills().get(1).pnl()).isCloseTo(10_000 * (120 / 110.0 - 1), within(1e-6));
    }

    @Test
    void slippageMovesEveryFillAgainstTheTraderAndFeesApplyToTheSlippedPrice() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(200, 200).day(300, 300).day(300, 300);

        // 50 bps slippage, 10 bps fee: buy at 200 × 1.005 = 201, sell at 300 × 0.995 = 298.5.
        BacktestResult result = run(market, Map.of(0, ENTER_LONG, 1, EXIT_LONG),
                spec(market, options(10, 50, 1, false, FillMode.NEXT_OPEN, true), null));

        double qty = 10_000 / (201 * 1.001);
        Fill entry = result.fills().get(0);
        Fill exit = result.fills().get(1);
        assertThat(entry.price()).isCloseTo(201, within(EPS));
        assertThat(entry.quantity()).isCloseTo(qty, within(EPS));
        assertThat(entry.fee()).isCloseTo(201 * qty * 0.001, within(EPS));
        assertThat(exit.price()).isCloseTo(298.5, within(EPS));
        assertThat(exit.fee()).isCloseTo(298.5 * qty * 0.001, within(EPS));
        double pnl = (298.5 - 201) * qty - entry.fee() - exit.fee();
        assertThat(exit.pnl()).isCloseTo(pnl, within(1e-6));
        assertThat(result.metrics().finalEquity()).isCloseTo(10_000 + pnl, within(1e-6));
        assertThat(result.metrics().totalFees()).isCloseTo(entry.fee() + exit.fee(), within(EPS));
    }

    @Test
    void shortsProfitFromFallsAndAReversalSizesTheNewPositionFromEquityAfterClosing() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 90).day(80, 85).day(85, 95).day(95, 95);

        // Short 100 @100 (cash 20000). Reverse at 85: buy back (+1500), cash 11500, then long floor(11500 / 85) = 135.
        BacktestResult result = run(market, Map.of(0, ENTER_SHORT, 2, ENTER_LONG),
                spec(market, options(0, 0, 1, true, FillMode.NEXT_OPEN, true), null));

        assertThat(result.fills()).extracting(Fill::side, Fill::entry, Fill::price, Fill::quantity, Fill::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Fill.Side.SELL, true, 100.0, 100.0, "enter_short"),
                        org.assertj.core.groups.Tuple.tuple(Fill.Side.BUY, false, 85.0, 100.0, "reversal"),
                        org.assertj.core.groups.Tuple.tuple(Fill.Side.BUY, true, 85.0, 135.0, "enter_long"),
                        org.assertj.core.groups.Tuple.tuple(Fill.Side.SELL, false, 95.0, 135.0, "end_of_data"));
        assertThat(result.fills().get(1).pnl()).isCloseTo(1_500, within(EPS));
        assertThat(result.fills().get(1).pnlPercent()).isCloseTo(15, within(EPS));
        assertThat(result.fills().get(3).pnl()).isCloseTo(1_350, within(EPS));
        assertThat(result.fills()).extracting(Fill::tradeId).containsExactly("script-1", "script-1", "script-2", "script-2");
        BacktestMetrics m = result.metrics();
        assertThat(m.finalEquity()).isCloseTo(25 + 135 * 95, within(EPS));
        assertThat(m.tradeCount()).isEqualTo(2);
        assertThat(m.bestTradePct()).isCloseTo(15, within(EPS));
        assertThat(m.worstTradePct()).isCloseTo(10 / 85.0 * 100, within(EPS));
        // Positions during candles 1–4 of 5.
        assertThat(m.exposurePct()).isCloseTo(80, within(EPS));
    }

    @Test
    void positionSizeCommitsAFractionOfEquity() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 120).day(120, 120);

        BacktestResult result = run(market, Map.of(0, ENTER_LONG),
                spec(market, options(0, 0, 0.5, false, FillMode.NEXT_OPEN, true), null));

        assertThat(result.fills().get(0).quantity()).isCloseTo(50, within(EPS));
        assertThat(result.metrics().finalEquity()).isCloseTo(5_000 + 50 * 120, within(EPS));
    }

    @Test
    void wholeUnitsFloorAndAnEntryOfZeroUnitsIsSkipped() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(300, 300).day(300, 300);
        BacktestResult floored = run(market, Map.of(0, ENTER_LONG),
                spec(market, options(0, 0, 1, true, FillMode.NEXT_OPEN, true), null));
        assertThat(floored.fills().get(0).quantity()).isEqualTo(33.0);

        EngineOptions poor = new EngineOptions(200, 0, 0, 1, true, FillMode.NEXT_OPEN, true, null, 0);
        BacktestResult none = run(market, Map.of(0, ENTER_LONG), spec(market, poor, null));
        assertThat(none.fills()).isEmpty();
        assertThat(none.metrics().finalEquity()).isEqualTo(200);
    }

    // ---- stops ----

    private static BacktestResult withStops(ScriptedMarket market, Signal entry, double stopPct, double takePct) {
        return run(market, Map.of(0, entry), spec(market, DEFAULTS,
                Map.of("script", Map.of("stop_loss_pct", stopPct, "take_profit_pct", takePct))));
    }

    @Test
    void aStopInsideACandleFillsAtTheStopPrice() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 105, 95, 100).bar(100, 101, 85, 88)
                .day(88, 88);
        BacktestResult result = withStops(market, ENTER_LONG, 10, 0);
        Fill exit = result.fills().get(1);
        assertThat(exit.reason()).isEqualTo("stop_loss");
        assertThat(exit.time()).isEqualTo(market.time(2));
        assertThat(exit.price()).isCloseTo(90, within(EPS));
        assertThat(exit.pnl()).isCloseTo(-1_000, within(1e-6));
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpen() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 105, 95, 100).bar(80, 82, 78, 80)
                .day(80, 80);
        Fill exit = withStops(market, ENTER_LONG, 10, 0).fills().get(1);
        assertThat(exit.reason()).isEqualTo("stop_loss");
        assertThat(exit.price()).isEqualTo(80);
    }

    @Test
    void whenStopAndTakeProfitAreBothInsideOneCandleTheStopWins() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 101, 99, 100).bar(100, 115, 85, 100)
                .day(100, 100);
        Fill exit = withStops(market, ENTER_LONG, 10, 10).fills().get(1);
        assertThat(exit.reason()).isEqualTo("stop_loss");
        assertThat(exit.price()).isCloseTo(90, within(EPS));
    }

    @Test
    void takeProfitFillsAtItsLevel() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 101, 99, 100).bar(100, 112, 99, 105)
                .day(105, 105);
        Fill exit = withStops(market, ENTER_LONG, 10, 10).fills().get(1);
        assertThat(exit.reason()).isEqualTo("take_profit");
        assertThat(exit.price()).isCloseTo(110, within(EPS));
        assertThat(exit.pnl()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void aShortsStopLiesAboveTheEntry() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 101, 99, 100).bar(100, 111, 99, 105)
                .day(105, 105);
        Fill exit = withStops(market, ENTER_SHORT, 10, 0).fills().get(1);
        assertThat(exit.side()).isEqualTo(Fill.Side.BUY);
        assertThat(exit.reason()).isEqualTo("stop_loss");
        assertThat(exit.price()).isCloseTo(110, within(EPS));
        assertThat(exit.pnl()).isCloseTo(-1_000, within(1e-6));
    }

    @Test
    void withNextOpenFillsTheEntryCandleItselfIsCheckedButWithCloseFillsOnlyLaterCandles() {
        // Entry at candle 1's open (100); its low (89) lies after the entry, so the 10 % stop at 90 is hit.
        ScriptedMarket market = new ScriptedMarket().day(100, 100).bar(100, 101, 89, 95).day(95, 95).day(95, 95);
        assertThat(withStops(market, ENTER_LONG, 10, 0).fills().get(1).time()).isEqualTo(market.time(1));

        // With close fills the entry is at candle 0's close; candle 0's own low never counts.
        ScriptedMarket closeMarket = new ScriptedMarket().bar(100, 100, 50, 100).bar(100, 101, 95, 95).day(95, 95);
        BacktestResult result = run(closeMarket, Map.of(0, ENTER_LONG), spec(closeMarket,
                options(0, 0, 1, false, FillMode.CLOSE, true), Map.of("script", Map.of("stop_loss_pct", 10.0))));
        assertThat(result.fills()).extracting(Fill::reason).containsExactly("enter_long", "end_of_data");
    }

    // ---- equity, drawdown, end of data ----

    @Test
    void tracksEquityAndMaxDrawdownAtEachClose() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 120).day(120, 90).day(90, 150).day(150, 135).day(135, 140);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG));
        List<PortfolioSnapshot> snapshots = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), new BacktestListener() {
            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                snapshots.add(snapshot.copy());
            }
        });

        // 100 units bought at 100: equity 10000, 12000, 9000 (−25 % from 12000), 15000, 13500 (−10 %), 14000.
        assertThat(snapshots).extracting(PortfolioSnapshot::equity)
                .containsExactly(10_000.0, 12_000.0, 9_000.0, 15_000.0, 13_500.0, 14_000.0);
        assertThat(snapshots.get(2).drawdownPct()).isCloseTo(-25.0, within(EPS));
        assertThat(snapshots.get(2).peakEquity()).isEqualTo(12_000.0);
        assertThat(snapshots.get(4).drawdownPct()).isCloseTo(-10.0, within(EPS));
        assertThat(result.metrics().maxDrawdownPct()).isCloseTo(-25.0, within(EPS));
        // Peak on day 1, back above it on day 3: 2 days; day 4's dip lasts to the end (day 5): 1 day.
        assertThat(result.metrics().maxDrawdownDurationDays()).isEqualTo(2.0);
        assertThat(snapshots.get(3).pnl(10_000)).isEqualTo(5_000.0);
        assertThat(result.metrics().buyAndHoldReturnPct()).isCloseTo(40, within(EPS));
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
                snapshots.add(snapshot.copy());
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
        assertThat(result.metrics().avgTradeDurationHours()).isEqualTo(4 * 24.0);
    }

    @Test
    void withoutCloseAtEndTheLastPositionStaysOpenAndIsMarkedToMarket() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 120).day(120, 130);

        BacktestResult result = run(market, Map.of(0, ENTER_LONG),
                spec(market, options(0, 0, 1, false, FillMode.NEXT_OPEN, false), null));

        assertThat(result.fills()).hasSize(1);
        assertThat(result.metrics().finalEquity()).isCloseTo(13_000, within(EPS));
        assertThat(result.metrics().tradeCount()).isZero();
        assertThat(result.metrics().exposurePct()).isCloseTo(200 / 3.0, within(EPS));
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
        assertThat(m.profitFactor()).isCloseTo(2_000 / 1_200.0, within(EPS));
        assertThat(m.expectancy()).isCloseTo(400, within(EPS));
        assertThat(m.finalEquity()).isCloseTo(10_800, within(EPS));
        assertThat(m.totalReturnPct()).isCloseTo(8, within(EPS));
    }

    @Test
    void aSignalOnTheLastCandleIsNeverFilledAndInapplicableSignalsAreIgnored() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 101).day(101, 102);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, EXIT_LONG, 2, ENTER_LONG));

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 10), BacktestListener.NONE);

        assertThat(result.fills()).isEmpty();
        BacktestMetrics m = result.metrics();
        assertThat(m.finalEquity()).isEqualTo(10_000);
        assertThat(m.winRatePct()).isZero();
        assertThat(m.tradeCount()).isZero();
        assertThat(m.profitFactor()).isNull();
        assertThat(m.expectancy()).isNull();
        assertThat(m.bestTradePct()).isNull();
        assertThat(m.sharpeRatio()).isNull();
        assertThat(m.calmarRatio()).isNull();
    }

    // ---- listener, probe, cancel ----

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
    void theProbeGivesTheSameMetricsAsTheResultWhenAskedOnTheLastCandle() {
        ScriptedMarket market = new ScriptedMarket()
                .day(100, 100).day(100, 105).day(105, 110).day(120, 120).day(110, 100).day(99, 99).day(99, 99);
        StrategyCatalog catalog = market.catalogWith("script",
                Map.of(0, ENTER_LONG, 2, EXIT_LONG, 3, ENTER_LONG, 4, EXIT_LONG));
        AtomicReference<BacktestMetrics> fromSnapshot = new AtomicReference<>();
        AtomicReference<MetricsProbe> probe = new AtomicReference<>();
        List<Integer> tradesSoFar = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 10), new BacktestListener() {
            @Override
            public void onStart(int totalCandles, Instant firstCandleTime, MetricsProbe p) {
                probe.set(p);
                assertThat(p.metricsSoFar().finalEquity()).isEqualTo(10_000);
            }

            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                tradesSoFar.add(probe.get().metricsSoFar().tradeCount());
                if (processed == total) {
                    fromSnapshot.set(snapshot.metricsSoFar());
                }
            }
        });

        assertThat(tradesSoFar).containsExactly(0, 0, 0, 1, 1, 2, 2);
        assertThat(fromSnapshot.get()).isEqualTo(result.metrics());
        assertThat(probe.get().strategyMetricsSoFar()).containsEntry("script", result.metrics());
    }

    @Test
    void cancellingStopsTheRunWithTheMetricsSoFarAndPositionsStillOpen() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 110).day(110, 120).day(120, 130);
        StrategyCatalog catalog = market.catalogWith("script", Map.of(0, ENTER_LONG));
        List<Integer> seen = new ArrayList<>();

        BacktestResult result = run(market, catalog, spec(market, List.of("script"), 0), new BacktestListener() {
            @Override
            public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
                seen.add(processed);
            }

            @Override
            public boolean cancelRequested() {
                return seen.size() >= 2;
            }
        });

        assertThat(seen).containsExactly(1, 2);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.candles()).isEqualTo(2);
        assertThat(result.lastCandleTime()).isEqualTo(market.time(1));
        assertThat(result.fills()).hasSize(1);
        assertThat(result.metrics().tradeCount()).isZero();
        assertThat(result.metrics().finalEquity()).isCloseTo(11_000, within(EPS));
        assertThat(result.metrics().buyAndHoldReturnPct()).isCloseTo(10, within(EPS));
    }

    // ---- sub-portfolios ----

    @Test
    void severalStrategiesShareTheCapitalAsSeparateSubPortfoliosReportedSeparatelyAndInTotal() {
        ScriptedMarket market = new ScriptedMarket().day(100, 100).day(100, 150).day(150, 200).day(200, 200);
        StrategyCatalog catalog = market.catalogWith("buyer", Map.of(0, ENTER_LONG, 1, EXIT_LONG));
        market.register(catalog, "idler", Map.of());

        // buyer: 5000 → 50 units at 100, sold at 150 = 7500; idler keeps 5000.
        BacktestResult result = run(market, catalog, spec(market, List.of("idler", "buyer"), 0), BacktestListener.NONE);

        assertThat(result.fills()).extracting(Fill::strategyId).containsOnly("buyer");
        assertThat(result.fills().get(0).quantity()).isCloseTo(50, within(EPS));
        assertThat(result.metrics().finalEquity()).isCloseTo(12_500, within(EPS));
        assertThat(result.metrics().initialCapital()).isEqualTo(10_000);
        assertThat(result.metrics().tradeCount()).isEqualTo(1);
        assertThat(result.metrics().exposurePct()).isCloseTo(50, within(EPS));
        assertThat(result.strategyMetrics().keySet()).containsExactly("buyer", "idler");
        BacktestMetrics buyer = result.strategyMetrics().get("buyer");
        assertThat(buyer.initialCapital()).isEqualTo(5_000);
        assertThat(buyer.finalEquity()).isCloseTo(7_500, within(EPS));
        assertThat(buyer.totalReturnPct()).isCloseTo(50, within(EPS));
        assertThat(result.strategyMetrics().get("idler").finalEquity()).isEqualTo(5_000);
        assertThat(result.strategyMetrics().get("idler").exposurePct()).isZero();
    }

    // ---- bad input ----

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
    void unknownStrategiesAndBadParametersAreRejectedNamingTheParameter() {
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
        BacktestSpec unknownParam = new BacktestSpec("TEST", List.of(Timeframe.D1), ScriptedMarket.DAY0, market.end(),
                List.of("rsi-reversion"), Map.of("rsi-reversion", Map.of("speed", 3.0)), 1_000, 0);
        assertThatThrownBy(() -> engine.run(unknownParam, BacktestListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rsi-reversion.speed is not a parameter");
    }

    // ---- determinism ----

    @Test
    void runsAreDeterministic() {
        BacktestSpec spec = new BacktestSpec("BTC-USD", List.of(Timeframe.H1, Timeframe.H4),
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"),
                List.of("sma-crossover", "rsi-reversion", "donchian-breakout"),
                Map.of("sma-crossover", Map.of("fast", 5.0, "slow", 20.0, "allow_short", 1.0),
                        "donchian-breakout", Map.of("stop_loss_pct", 3.0, "take_profit_pct", 5.0)),
                new EngineOptions(10_000, 10, 5, 0.8, false, FillMode.NEXT_OPEN, true, null, 0.02));

        BacktestResult first = new BacktestEngine(new SyntheticCandleSource(), StrategyCatalog.defaults())
                .run(spec, BacktestListener.NONE);
        BacktestResult second = new BacktestEngine(new SyntheticCandleSource(), StrategyCatalog.defaults())
                .run(spec, BacktestListener.NONE);

        assertThat(first.metrics().tradeCount()).isPositive();
        assertThat(first.strategyMetrics().values()).allSatisfy(m -> assertThat(m.tradeCount()).isPositive());
        assertThat(first.metrics().sharpeRatio()).isNotNull();
        assertThat(second).isEqualTo(first);
        assertThat(second.strategyMetrics().keySet())
                .containsExactly("donchian-breakout", "rsi-reversion", "sma-crossover");
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The metric formulas on tiny, hand-computed equity curves and trade lists. */
class MetricsCalculatorTest {

    private static final long DAY = 86_400;
    private static final double EPS = 1e-9;

    private static EquityTracker daily(double initial, double... equities) {
        EquityTracker tracker = new EquityTracker(initial, 0);
        for (int i = 0; i < equities.length; i++) {
            tracker.mark(i * DAY, equities[i], false);
        }
        return tracker;
    }

    @Test
    void dailyReturnsUseTheLastMarkOfEachUtcDayStartingFromTheInitialCapital() {
        EquityTracker tracker = new EquityTracker(100, 0);
        tracker.mark(0, 105, false);
        tracker.mark(DAY / 2, 102, false);
        tracker.mark(DAY, 112.2, false);
        assertThat(tracker.dailyReturns()).containsExactly(new double[]{0.02, 0.1}, within(EPS));
    }

    @Test
    void sharpeAndSortinoFromDailyReturns() {
        // Returns +2 %, −1 %, +3 %, 0 %: mean 1 %, sample variance 0.001 / 3; downside √(0.0001 / 4) = 0.005.
        EquityTracker tracker = daily(100, 102, 102 * 0.99, 102 * 0.99 * 1.03, 102 * 0.99 * 1.03);
        double[] r = tracker.dailyReturns();
        assertThat(r).containsExactly(new double[]{0.02, -0.01, 0.03, 0}, within(EPS));

        assertThat(MetricsCalculator.sharpe(r, 0, 252)).isCloseTo(0.01 / Math.sqrt(0.001 / 3) * Math.sqrt(252),
                within(1e-9));
        assertThat(MetricsCalculator.sortino(r, 0, 252)).isCloseTo(0.01 / 0.005 * Math.sqrt(252), within(1e-9));

        // 2 % a year is (1.02)^(1/365) − 1 a day, subtracted from each return.
        double rf = Math.pow(1.02, 1 / 365.0) - 1;
        assertThat(MetricsCalculator.sharpe(r, rf, 365))
                .isCloseTo((0.01 - rf) / Math.sqrt(0.001 / 3) * Math.sqrt(365), within(1e-9));
        double downside = Math.sqrt((Math.pow(0.02 - rf, 2) * 0 + Math.pow(-0.01 - rf, 2) + Math.pow(-rf, 2)) / 4);
        assertThat(MetricsCalculator.sortino(r, rf, 365))
                .isCloseTo((0.01 - rf) / downside * Math.sqrt(365), within(1e-9));
    }

    @Test
    void ratiosAreNullWhenUndefined() {
        assertThat(MetricsCalculator.sharpe(new double[]{0.01}, 0, 252)).isNull();
        assertThat(MetricsCalculator.sharpe(new double[]{0.01, 0.01}, 0, 252)).isNull();
        assertThat(MetricsCalculator.sortino(new double[]{0.01, 0.02}, 0, 252)).isNull();
        assertThat(MetricsCalculator.sortino(new double[0], 0, 252)).isNull();
    }

    @Test
    void cagrUses365AndAQuarterDayYears() {
        long twoYears = (long) (2 * 365.25 * DAY);
        assertThat(MetricsCalculator.cagrPct(100, 121, twoYears)).isCloseTo(10, within(1e-9));
        assertThat(MetricsCalculator.cagrPct(100, 0, twoYears)).isEqualTo(-100);
        assertThat(MetricsCalculator.cagrPct(100, 1e9, 60)).isNull();
    }

    @Test
    void drawdownDurationRunsFromThePeakToRecoveryOrToTheEnd() {
        // Peak 110 on day 1, recovered on day 4 (3 days); the dip from day 4 is still open on day 5 (1 day).
        EquityTracker recovered = daily(100, 100, 110, 100, 105, 111, 90);
        assertThat(recovered.maxDrawdownSeconds()).isEqualTo(3 * DAY);
        assertThat(recovered.maxDrawdownPct()).isCloseTo((90 / 111.0 - 1) * 100, within(EPS));

        // Never recovered: from the peak on day 1 to the last mark on day 6.
        EquityTracker open = daily(100, 100, 120, 110, 100, 115, 119, 118);
        assertThat(open.maxDrawdownSeconds()).isEqualTo(5 * DAY);
        assertThat(open.maxDrawdownPct()).isCloseTo((100 / 120.0 - 1) * 100, within(EPS));
    }

    @Test
    void tradeFiguresProfitFactorExpectancyAndSqn() {
        TradeStats trades = new TradeStats();
        trades.add(100, 10, 3_600);
        trades.add(-50, -5, 7_200);
        trades.add(30, 3, 10_800);
        EquityTracker equity = daily(1_000, 1_000, 1_100, 1_080);

        BacktestMetrics m = MetricsCalculator.compute(equity, trades, 12.5, 3 * DAY, 7.5, 252, 0);

        assertThat(m.tradeCount()).isEqualTo(3);
        assertThat(m.winRatePct()).isCloseTo(200 / 3.0, within(EPS));
        assertThat(m.profitFactor()).isCloseTo(130 / 50.0, within(EPS));
        assertThat(m.expectancy()).isCloseTo(80 / 3.0, within(EPS));
        double mean = 80 / 3.0;
        double std = Math.sqrt((Math.pow(100 - mean, 2) + Math.pow(-50 - mean, 2) + Math.pow(30 - mean, 2)) / 2);
        assertThat(m.sqn()).isCloseTo(Math.sqrt(3) * mean / std, within(EPS));
        assertThat(m.avgTradePct()).isCloseTo(8 / 3.0, within(EPS));
        assertThat(m.bestTradePct()).isEqualTo(10);
        assertThat(m.worstTradePct()).isEqualTo(-5);
        assertThat(m.avgTradeDurationHours()).isCloseTo(2, within(EPS));
        assertThat(m.totalFees()).isEqualTo(12.5);
        assertThat(m.buyAndHoldReturnPct()).isEqualTo(7.5);
        assertThat(m.finalEquity()).isEqualTo(1_080);
        assertThat(m.maxDrawdownPct()).isCloseTo((1_080 / 1_100.0 - 1) * 100, within(EPS));
        assertThat(m.calmarRatio()).isCloseTo(m.cagrPct() / -m.maxDrawdownPct(), within(EPS));
    }
}

package io.tapecast.worker.paper;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskMeterTest {

    @Test
    void drawdownIsMeasuredFromThePeakStartingAtTheCapital() {
        RiskMeter meter = new RiskMeter(1_000);
        meter.mark(990);
        assertThat(meter.peak()).isEqualTo(1_000);
        assertThat(meter.drawdownPct()).isCloseTo(-1.0, within(1e-12));
        meter.mark(1_100);
        assertThat(meter.drawdownPct()).isZero();
        meter.mark(880);
        assertThat(meter.peak()).isEqualTo(1_100);
        assertThat(meter.drawdownPct()).isCloseTo(-20.0, within(1e-12));
    }

    @Test
    void varNeedsTwentyReturnsThenIsTheNearestRankFifthPercentileLossTimesEquity() {
        RiskMeter meter = new RiskMeter(1_000);
        // 19 returns: +1 %, −1 %, +1 %, ... ; equity alternates 1010, 999.9, ...
        double equity = 1_000;
        for (int i = 0; i < 19; i++) {
            equity *= i % 2 == 0 ? 1.01 : 0.99;
            meter.mark(equity);
        }
        assertThat(meter.var95()).isNaN();
        // the 20th return: −3 %. n = 20 → rank ceil(1) = 1: the smallest return, −3 %
        equity *= 0.97;
        meter.mark(equity);
        assertThat(meter.windowSize()).isEqualTo(20);
        assertThat(meter.var95()).isCloseTo(0.03 * equity, within(1e-9));
        // 20 more returns of +2 %: n = 40 → rank 2: the second smallest, −1 %
        for (int i = 0; i < 20; i++) {
            equity *= 1.02;
            meter.mark(equity);
        }
        assertThat(meter.var95()).isCloseTo(0.01 * equity, within(1e-9));
    }

    @Test
    void theWindowKeepsTheLast250Returns() {
        RiskMeter meter = new RiskMeter(100);
        double equity = 100;
        double[] returns = new double[300];
        for (int i = 0; i < returns.length; i++) {
            // a deterministic spread of returns in [−5 %, +5 %)
            returns[i] = ((i * 37) % 100 - 50) / 1_000.0;
            double previous = equity;
            equity *= 1 + returns[i];
            returns[i] = equity / previous - 1;
            meter.mark(equity);
        }
        double[] last = Arrays.copyOfRange(returns, 50, 300);
        Arrays.sort(last);
        // n = 250 → rank ceil(12.5) = 13
        assertThat(meter.windowSize()).isEqualTo(250);
        assertThat(meter.var95()).isCloseTo(-last[12] * equity, within(1e-9));
        assertThat(last[12]).isNegative();
    }

    @Test
    void gainsOnlyMeanNoValueAtRisk() {
        RiskMeter meter = new RiskMeter(100);
        double equity = 100;
        for (int i = 0; i < 25; i++) {
            equity *= 1.001;
            meter.mark(equity);
        }
        assertThat(meter.var95()).isZero();
    }
}

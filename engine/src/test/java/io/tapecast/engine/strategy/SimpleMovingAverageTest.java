package io.tapecast.engine.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimpleMovingAverageTest {

    @Test
    void averagesTheLastPeriodValues() {
        SimpleMovingAverage sma = new SimpleMovingAverage(3);
        sma.add(1);
        sma.add(2);
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.value()).isNaN();
        sma.add(3);
        assertThat(sma.value()).isEqualTo(2.0);
        sma.add(4);
        assertThat(sma.value()).isEqualTo(3.0);
        sma.add(8);
        assertThat(sma.value()).isEqualTo(5.0);
    }

    @Test
    void doesNotDriftOverAMillionUpdates() {
        SimpleMovingAverage sma = new SimpleMovingAverage(30);
        double[] last = new double[30];
        for (int i = 0; i < 1_000_000; i++) {
            // Wildly different magnitudes are the worst case for a running sum.
            double value = (i % 7 == 0 ? 1e6 : 0.1) + (i % 13) * 0.37;
            sma.add(value);
            last[i % 30] = value;
        }
        double direct = 0;
        for (double v : last) {
            direct += v;
        }
        assertThat(sma.value()).isCloseTo(direct / 30, within(1e-6));
    }

    @Test
    void aPeriodBelowOneIsRejected() {
        assertThatThrownBy(() -> new SimpleMovingAverage(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

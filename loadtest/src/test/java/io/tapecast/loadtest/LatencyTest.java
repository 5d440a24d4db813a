package io.tapecast.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTest {

    @Test
    void percentilesAreReportedInMilliseconds() {
        Latency latency = new Latency();
        for (int i = 1; i <= 10_000; i++) {
            latency.recordMicros(i * 10L); // 10 µs … 100 ms, uniform
        }
        Latency.Summary s = latency.summary();
        assertThat(s.count()).isEqualTo(10_000);
        assertThat(s.p50Ms()).isCloseTo(50.0, within(0.1));
        assertThat(s.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(s.p999Ms()).isCloseTo(99.9, within(0.1));
        assertThat(s.maxMs()).isCloseTo(100.0, within(0.1));
        assertThat(s.line()).contains("p50 50 ms", "p99 99 ms", "max 100 ms", "10,000 samples");
    }

    @Test
    void negativeAndHugeValuesAreClamped() {
        Latency latency = new Latency();
        latency.recordMicros(-5);
        latency.recordMicros(Long.MAX_VALUE);
        Latency.Summary s = latency.summary();
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.maxMs()).isCloseTo(Latency.HIGHEST_MICROS / 1000.0, within(Latency.HIGHEST_MICROS / 1000.0 * 0.001));
    }

    @Test
    void anEmptyHistogramSaysSo() {
        Latency.Summary s = new Latency().summary();
        assertThat(s.count()).isZero();
        assertThat(s.line()).isEqualTo("no samples");
        assertThat(Latency.Summary.fmt(s.p99Ms())).isEqualTo("–");
    }

    @Test
    void formatsSmallAndLargeValues() {
        assertThat(Latency.Summary.fmt(1.234)).isEqualTo("1.23 ms");
        assertThat(Latency.Summary.fmt(123.4)).isEqualTo("123 ms");
        assertThat(Latency.Summary.fmt(12_345)).isEqualTo("12.3 s");
    }
}

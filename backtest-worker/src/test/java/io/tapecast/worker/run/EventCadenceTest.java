package io.tapecast.worker.run;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventCadenceTest {

    @Test
    void shortRunsSendProgressEveryHundredCandlesAndEquityEveryCandle() {
        EventCadence cadence = new EventCadence(1_000, 100, 1_000, 2_000, 10);
        assertThat(count(1_000, cadence::progressDue)).isEqualTo(10);
        assertThat(count(1_000, cadence::equityDue)).isEqualTo(1_000);
    }

    @Test
    void longRunsAreThinnedToTheCaps() {
        int total = 525_600;
        EventCadence cadence = new EventCadence(total, 100, 1_000, 2_000, 10);
        assertThat(count(total, cadence::progressDue)).isBetween(990L, 1_001L);
        assertThat(count(total, cadence::equityDue)).isBetween(1_990L, 2_001L);
    }

    @Test
    void theLastCandleAlwaysReportsProgressAndEquity() {
        EventCadence cadence = new EventCadence(1_234, 100, 1_000, 2_000, 10);
        assertThat(cadence.progressDue(1_234)).isTrue();
        assertThat(cadence.equityDue(1_234)).isTrue();
        assertThat(cadence.progressDue(1_233)).isFalse();
    }

    private static long count(int total, java.util.function.IntPredicate due) {
        return IntStream.rangeClosed(1, total).filter(due).count();
    }
}

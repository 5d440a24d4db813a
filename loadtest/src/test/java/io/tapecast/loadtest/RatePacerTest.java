package io.tapecast.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void firstEventIsDueAtTheStartAndTheRestAtTheRate() {
        RatePacer pacer = new RatePacer(1000, 5 * SECOND, 10_000);
        assertThat(pacer.dueBy(5 * SECOND - 1)).isZero();
        assertThat(pacer.dueBy(5 * SECOND)).isEqualTo(1);
        assertThat(pacer.dueBy(5 * SECOND + SECOND / 1000 - 1)).isEqualTo(1);
        assertThat(pacer.dueBy(5 * SECOND + SECOND / 1000)).isEqualTo(2);
        assertThat(pacer.dueBy(6 * SECOND)).isEqualTo(1001);
    }

    @Test
    void aStallIsCaughtUpInABurstButNeverBeyondTheTotal() {
        RatePacer pacer = new RatePacer(100_000, 0, 250_000);
        assertThat(pacer.dueBy(SECOND)).isEqualTo(100_001);
        assertThat(pacer.dueBy(60 * SECOND)).isEqualTo(250_000);
        assertThat(pacer.done(250_000)).isTrue();
        assertThat(pacer.done(249_999)).isFalse();
    }

    @Test
    void dueTimesAreTheInverseOfDueCounts() {
        RatePacer pacer = new RatePacer(333, 42, 5000);
        for (long i = 0; i < 5000; i += 7) {
            long at = pacer.dueAtNanos(i);
            assertThat(pacer.dueBy(at)).isGreaterThan(i);
            assertThat(pacer.dueBy(at - 1)).isLessThanOrEqualTo(i);
        }
    }

    @Test
    void eventsForARunAreRateTimesSeconds() {
        assertThat(RatePacer.eventsFor(1000, 30)).isEqualTo(30_000);
        assertThat(RatePacer.eventsFor(2.5, 3)).isEqualTo(8);
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThatThrownBy(() -> new RatePacer(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePacer(Double.NaN, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

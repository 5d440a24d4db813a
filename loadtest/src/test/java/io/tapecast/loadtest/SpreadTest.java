package io.tapecast.loadtest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadTest {

    @Test
    void clientsSpreadRoundRobinSoStreamsDifferByAtMostOne() {
        int[] counts = Spread.clientsPerStream(10_007, 100);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(10_007);
        assertThat(Arrays.stream(counts).max().getAsInt() - Arrays.stream(counts).min().getAsInt()).isLessThanOrEqualTo(1);
        assertThat(Spread.streamOf(0, 100)).isZero();
        assertThat(Spread.streamOf(199, 100)).isEqualTo(99);
    }

    @Test
    void streamIdsAreValidBacktestIds() {
        assertThat(Spread.streamIds("abc12", 3)).containsExactly("loadtest_abc12_0", "loadtest_abc12_1", "loadtest_abc12_2");
        assertThat(Spread.streamIds("abc12", 1000)).allMatch(id -> id.matches("[A-Za-z0-9_.-]{1,128}"));
    }

    @Test
    void needsAStream() {
        assertThatThrownBy(() -> Spread.streamOf(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

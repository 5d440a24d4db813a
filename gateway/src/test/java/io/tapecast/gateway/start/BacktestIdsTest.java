package io.tapecast.gateway.start;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestIdsTest {

    @Test
    void idsKeepTheOriginalShapeWithARandomSuffix() {
        String id = new BacktestIds().next(Instant.parse("2024-02-11T14:30:22.123Z"));
        assertThat(id).matches("backtest_20240211_143022_[a-z0-9]{6}");
    }

    @Test
    void startsInTheSameSecondDoNotCollide() {
        BacktestIds ids = new BacktestIds();
        Instant now = Instant.parse("2024-02-11T14:30:22Z");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next(now));
        }
        assertThat(seen).hasSize(10_000);
    }
}

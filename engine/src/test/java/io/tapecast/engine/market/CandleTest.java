package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleTest {

    private static final Instant T = Instant.parse("2024-01-02T00:00:00Z");

    @Test
    void acceptsAConsistentBar() {
        assertThatCode(() -> new Candle(T, 10, 12, 9, 11, 0)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAHighBelowTheBody() {
        assertThatThrownBy(() -> new Candle(T, 10, 10.5, 9, 11, 1)).hasMessageContaining("high");
    }

    @Test
    void rejectsALowAboveTheBody() {
        assertThatThrownBy(() -> new Candle(T, 10, 12, 10.5, 11, 1)).hasMessageContaining("low");
    }

    @Test
    void rejectsNegativeVolumeAndNonFiniteValues() {
        assertThatThrownBy(() -> new Candle(T, 10, 12, 9, 11, -1)).hasMessageContaining("volume");
        assertThatThrownBy(() -> new Candle(T, Double.NaN, 12, 9, 11, 1)).hasMessageContaining("open");
        assertThatThrownBy(() -> new Candle(T, 10, Double.POSITIVE_INFINITY, 9, 11, 1)).hasMessageContaining("high");
    }

    @Test
    void rejectsNonPositivePrices() {
        assertThatThrownBy(() -> new Candle(T, 1, 2, 0, 1, 1)).hasMessageContaining("positive");
    }
}

package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregationTest {

    private static Candle minute(String time, double open, double high, double low, double close, double volume) {
        return new Candle(Instant.parse(time), open, high, low, close, volume);
    }

    @Test
    void buildsOhlcvFromFirstOpenExtremesLastCloseAndVolumeSum() {
        List<Candle> oneMinute = List.of(
                minute("2024-01-01T10:00:00Z", 10, 12, 9, 11, 1),
                minute("2024-01-01T10:01:00Z", 11, 15, 10, 14, 2),
                minute("2024-01-01T10:04:00Z", 14, 14, 7, 8, 3),
                minute("2024-01-01T10:05:00Z", 8, 9, 8, 9, 4));

        assertThat(Aggregation.aggregate(oneMinute, Timeframe.M5)).containsExactly(
                new Candle(Instant.parse("2024-01-01T10:00:00Z"), 10, 15, 7, 8, 6),
                new Candle(Instant.parse("2024-01-01T10:05:00Z"), 8, 9, 8, 9, 4));
    }

    @Test
    void keepsPartialBucketsAtTheEdges() {
        List<Candle> hours = List.of(
                minute("2024-01-01T22:00:00Z", 10, 11, 9, 10, 1),
                minute("2024-01-01T23:00:00Z", 10, 12, 10, 12, 1),
                minute("2024-01-02T00:00:00Z", 12, 13, 11, 11, 1));

        assertThat(Aggregation.aggregate(hours, Timeframe.D1)).containsExactly(
                new Candle(Instant.parse("2024-01-01T00:00:00Z"), 10, 12, 9, 12, 2),
                new Candle(Instant.parse("2024-01-02T00:00:00Z"), 12, 13, 11, 11, 1));
    }

    @Test
    void anEmptyListAggregatesToNothing() {
        assertThat(Aggregation.aggregate(List.of(), Timeframe.H1)).isEmpty();
    }

    @Test
    void rejectsUnorderedInput() {
        List<Candle> unordered = List.of(
                minute("2024-01-01T10:01:00Z", 10, 11, 9, 10, 1),
                minute("2024-01-01T10:00:00Z", 10, 11, 9, 10, 1));
        assertThatThrownBy(() -> Aggregation.aggregate(unordered, Timeframe.H1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }
}

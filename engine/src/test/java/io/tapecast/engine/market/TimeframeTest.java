package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeframeTest {

    @Test
    void parsesLabelsCaseInsensitively() {
        assertThat(Timeframe.parse("4H")).isEqualTo(Timeframe.H4);
        assertThat(Timeframe.parse("4h")).isEqualTo(Timeframe.H4);
        assertThat(Timeframe.parse("1d")).isEqualTo(Timeframe.D1);
        assertThat(Timeframe.parse("15M")).isEqualTo(Timeframe.M15);
    }

    @Test
    void rejectsAnUnknownLabelListingTheValidOnes() {
        assertThatThrownBy(() -> Timeframe.parse("2h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2h")
                .hasMessageContaining("1m, 5m, 15m, 1h, 4h, 1d");
        assertThat(Timeframe.isValid("2h")).isFalse();
        assertThat(Timeframe.isValid(null)).isFalse();
        assertThat(Timeframe.isValid("1H")).isTrue();
    }

    @Test
    void labelsAndDurationsMatch() {
        assertThat(Timeframe.M5.label()).isEqualTo("5m");
        assertThat(Timeframe.H4.duration()).isEqualTo(Duration.ofHours(4));
        assertThat(Timeframe.D1.duration()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void floorsToBucketsAlignedToTheUtcEpoch() {
        Instant t = Instant.parse("2024-03-05T13:47:29.5Z");
        assertThat(Timeframe.M1.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:47:00Z"));
        assertThat(Timeframe.M15.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:45:00Z"));
        assertThat(Timeframe.H1.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:00:00Z"));
        assertThat(Timeframe.H4.floor(t)).isEqualTo(Instant.parse("2024-03-05T12:00:00Z"));
        assertThat(Timeframe.D1.floor(t)).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
    }

    @Test
    void floorsTimesBeforeTheEpochDownwards() {
        assertThat(Timeframe.D1.floor(Instant.parse("1969-12-31T23:00:00Z")))
                .isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
    }

    @Test
    void ceilLeavesBoundariesAlone() {
        assertThat(Timeframe.H1.ceil(Instant.parse("2024-01-01T10:00:00Z"))).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(Timeframe.H1.ceil(Instant.parse("2024-01-01T10:00:01Z"))).isEqualTo(Instant.parse("2024-01-01T11:00:00Z"));
    }

    @Test
    void finerTimeframesDivideCoarserOnes() {
        assertThat(Timeframe.M1.divides(Timeframe.H1)).isTrue();
        assertThat(Timeframe.H4.divides(Timeframe.D1)).isTrue();
        assertThat(Timeframe.H1.divides(Timeframe.H1)).isFalse();
        assertThat(Timeframe.D1.divides(Timeframe.H4)).isFalse();
    }
}

package io.tapecast.schemas;

import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.TradeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records refuse values the contract forbids. */
class RecordValidationTest {

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void envelopeRejectsSeqBelowOne(long seq) {
        assertThatThrownBy(() -> Samples.event(seq, Samples.progress()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void envelopeRejectsBlankType(String type) {
        assertThatThrownBy(() -> new Envelope<>(type, Samples.NOW, StreamType.BACKTEST, "b", 1L, Samples.progress()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Envelope<>(null, Samples.NOW, StreamType.BACKTEST, "b", 1L, Samples.progress()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeRequiresTimestamp() {
        assertThatThrownBy(() -> new Envelope<>("progress", null, StreamType.BACKTEST, "b", 1L, Samples.progress()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void envelopeTakesItsTypeFromThePayload() {
        assertThat(Samples.event(1, Samples.tradeEntry()).type()).isEqualTo(EventTypes.TRADE);
        assertThat(Samples.gateway(Samples.gatewayError()).type()).isEqualTo(EventTypes.ERROR);
        assertThat(Samples.gateway(Samples.gap()).seq()).isNull();
    }

    @Test
    void startBacktestRejectsStartNotBeforeEnd() {
        Instant t = Instant.parse("2023-06-01T00:00:00Z");
        assertThatThrownBy(() -> start(t, t)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start_date");
        assertThatThrownBy(() -> start(t.plusSeconds(1), t)).isInstanceOf(IllegalArgumentException.class);
        assertThat(start(t, t.plusSeconds(1)).startDate()).isEqualTo(t);
    }

    private static StartBacktest start(Instant from, Instant to) {
        return new StartBacktest("b", null, "BTC-USD", List.of("1h"), from, to, List.of("ema_cross"), null, 1_000, 0, null, null);
    }

    @Test
    void tradeExitRequiresPnl() {
        assertThatThrownBy(() -> new TradeEvent(TradeEvent.Action.exit, "t", TradeEvent.Side.sell, 1, 1, 0,
                Samples.NOW, null, null, null, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressRejectsMoreCandlesProcessedThanTotal() {
        assertThatThrownBy(() -> new Progress(11, 10, 100, Samples.NOW, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 255, 256, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, -1})
    void recordHeaderSeqRoundTrips(long seq) {
        byte[] encoded = RecordHeaders.encodeSeq(seq);
        assertThat(encoded).hasSize(8);
        assertThat(RecordHeaders.decodeSeq(encoded)).isEqualTo(seq);
    }

    @Test
    void recordHeaderSeqIsBigEndian() {
        assertThat(RecordHeaders.encodeSeq(258)).containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
        assertThatThrownBy(() -> RecordHeaders.decodeSeq(new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordHeaders.decodeSeq(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordHeaderTypeRoundTrips() {
        assertThat(RecordHeaders.decodeType(RecordHeaders.encodeType("progress"))).isEqualTo("progress");
    }
}

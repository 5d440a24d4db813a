package io.tapecast.schemas;

import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.ControlCommand;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.TradeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        return new StartBacktest("b", null, "BTC-USD", List.of("1h"), from, to, List.of("ema_cross"), null, null, null, null);
    }

    @Test
    void startBacktestDefaultsItsParamsAndOptions() {
        StartBacktest request = Samples.startBacktestMinimal();
        assertThat(request.params()).isEmpty();
        assertThat(request.options()).isEqualTo(EngineOptions.defaults());
        assertThat(request.options().fill()).isEqualTo(FillMode.NEXT_OPEN);
        assertThat(request.options().periodsPerYear()).isNull();
    }

    @Test
    void engineOptionsRejectOutOfRangeValues() {
        EngineOptions d = EngineOptions.defaults();
        assertThatThrownBy(() -> d.withInitialCapital(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial_capital");
        assertThatThrownBy(() -> d.withFeeBps(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fee_bps");
        assertThatThrownBy(() -> d.withFeeBps(10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineOptions(1_000, 0, 0, 1.5, false, null, true, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position_size");
        assertThatThrownBy(() -> new EngineOptions(1_000, 0, 0, 1, false, null, true, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periods_per_year");
        assertThatThrownBy(() -> new EngineOptions(1_000, 0, 0, 1, false, null, true, null, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("risk_free_rate");
        assertThat(new EngineOptions(1_000, 0, 0, 1, false, null, true, null, 0).fill()).isEqualTo(FillMode.NEXT_OPEN);
    }

    @Test
    void fillModeReadsOnlyItsWireNames() {
        assertThat(FillMode.fromWireName("next_open")).isEqualTo(FillMode.NEXT_OPEN);
        assertThat(FillMode.fromWireName(" Close ")).isEqualTo(FillMode.CLOSE);
        assertThatThrownBy(() -> FillMode.fromWireName("later")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("later");
    }

    @Test
    void completeRejectsAnUnknownStatusAndATradeCountOtherThanTheMetrics() {
        var metrics = Samples.metrics();
        assertThatThrownBy(() -> new Complete("aborted", metrics.finalEquity(), metrics.tradeCount(), metrics, Map.of(), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new Complete(Complete.COMPLETED, metrics.finalEquity(), metrics.tradeCount() + 1, metrics, Map.of(), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total_trades");
        assertThat(new Complete(Complete.COMPLETED, metrics.finalEquity(), metrics.tradeCount(), metrics, null, 1, 1, 1).strategies())
                .isEmpty();
    }

    @Test
    void controlEventAndCommandRejectWhatTheContractForbids() {
        assertThatThrownBy(() -> new ControlEvent("jump", 1, Samples.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ControlEvent(ControlEvent.PAUSED, 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ControlCommand(Samples.BACKTEST_ID, null, "alice", Samples.NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("action");
        assertThat(Samples.controlCancelled().eventType()).isEqualTo(EventTypes.CONTROL);
    }

    @Test
    void statusKeepsItsAttemptAndRequiresFinalMetricsWhenCancelled() {
        assertThat(Samples.queued().attempt()).isZero();
        assertThat(Samples.running().attempt()).isEqualTo(1);
        assertThat(Samples.paused().attempt()).isEqualTo(1);
        assertThat(Samples.cancelled().state()).isEqualTo(BacktestState.cancelled);
        assertThat(Samples.cancelled().state().isFinal()).isTrue();
        assertThat(Samples.paused().state().isFinal()).isFalse();
        BacktestStatus paused = Samples.paused();
        assertThatThrownBy(() -> paused.cancelled(2, null, Samples.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samples.queued().running("w", -1, 0, 0, Samples.NOW)).isInstanceOf(IllegalArgumentException.class);
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

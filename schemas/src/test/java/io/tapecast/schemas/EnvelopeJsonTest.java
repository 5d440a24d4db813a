package io.tapecast.schemas;

import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.ControlCommand;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.TradeEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tapecast.schemas.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON the records make: snake_case names, ISO-8601 UTC strings, and a lossless round trip. */
class EnvelopeJsonTest {

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void progressEnvelopeRoundTrips() {
        Envelope<Progress> sent = Samples.event(42, Samples.progress());
        String json = json(sent);

        Envelope<Progress> received = WireJson.mapper().readValue(json, new TypeReference<Envelope<Progress>>() { });

        assertThat(received).isEqualTo(sent);
        assertThat(received.data()).isEqualTo(sent.data());
    }

    @Test
    void progressEnvelopeHasExactlyTheContractFieldNamesInOrder() {
        JsonNode node = WireJson.mapper().readTree(json(Samples.event(42, Samples.progress())));

        assertThat(fieldNames(node)).containsExactly("type", "timestamp", "stream", "stream_id", "seq", "schema_version", "data");
        assertThat(node.get("schema_version").asInt()).isEqualTo(Envelope.SCHEMA_VERSION);
        assertThat(fieldNames(node.get("data"))).containsExactlyInAnyOrder(
                "candles_processed", "candles_total", "percent", "simulated_time", "equity", "pnl", "trade_count", "win_rate");
        assertThat(node.get("type").asString()).isEqualTo("progress");
        assertThat(node.get("stream").asString()).isEqualTo("backtest");
        assertThat(node.get("stream_id").asString()).isEqualTo(Samples.BACKTEST_ID);
        assertThat(node.get("seq").isIntegralNumber()).isTrue();
        assertThat(node.get("seq").asLong()).isEqualTo(42);
        assertThat(node.get("timestamp").isString()).isTrue();
        assertThat(node.get("timestamp").asString()).isEqualTo("2024-02-11T14:30:22.123Z");
        assertThat(node.get("data").get("simulated_time").asString()).isEqualTo("2023-02-22T01:00:00Z");
        assertThat(node.get("data").get("candles_processed").isIntegralNumber()).isTrue();
    }

    @Test
    void aMessageWithoutSchemaVersionReadsAsVersionOne() {
        Envelope<?> read = WireJson.mapper().readValue("{\"type\":\"pong\",\"timestamp\":\"2024-02-11T14:30:22.123Z\","
                + "\"stream\":\"backtest\",\"stream_id\":\"b\",\"data\":{}}", Envelope.class);
        assertThat(read.schemaVersion()).isEqualTo(1);
    }

    @Test
    void gatewayMessageOmitsSeq() {
        JsonNode node = WireJson.mapper().readTree(json(Samples.gateway(Samples.gap())));
        assertThat(fieldNames(node)).containsExactly("type", "timestamp", "stream", "stream_id", "schema_version", "data");
        assertThat(fieldNames(node.get("data"))).containsExactly("requested_from_seq", "available_from_seq");
    }

    @Test
    void tradeEntryOmitsPnlAndExitRoundTrips() {
        JsonNode entry = WireJson.mapper().readTree(json(Samples.tradeEntry()));
        assertThat(entry.has("pnl")).isFalse();
        assertThat(entry.has("pnl_percent")).isFalse();
        assertThat(fieldNames(entry)).contains("trade_id", "strategy_id");

        TradeEvent exit = Samples.tradeExit();
        assertThat(WireJson.mapper().readValue(json(exit), TradeEvent.class)).isEqualTo(exit);
        assertThat(json(exit)).contains("\"action\":\"exit\"", "\"side\":\"sell\"", "\"pnl_percent\":2.55");
    }

    @Test
    void statusAndStartRequestRoundTrip() {
        for (BacktestStatus status : List.of(Samples.queued(), Samples.running(), Samples.paused(), Samples.runningAfterFailover(),
                Samples.completed(), Samples.failed(), Samples.cancelled())) {
            assertThat(WireJson.mapper().readValue(json(status), BacktestStatus.class)).isEqualTo(status);
        }
        for (StartBacktest request : List.of(Samples.startBacktest(), Samples.startBacktestMinimal())) {
            assertThat(WireJson.mapper().readValue(json(request), StartBacktest.class)).isEqualTo(request);
        }
        assertThat(fieldNames(WireJson.mapper().readTree(json(Samples.running()))))
                .contains("backtest_id", "first_offset", "last_seq", "created_at", "updated_at");
    }

    @Test
    void startRequestGroupsTheEngineOptions() {
        JsonNode request = WireJson.mapper().readTree(json(Samples.startBacktest()));
        assertThat(request.has("strategy_params")).isFalse();
        assertThat(request.has("initial_capital")).isFalse();
        assertThat(fieldNames(request.get("options"))).containsExactlyInAnyOrder("initial_capital", "fee_bps", "slippage_bps",
                "position_size", "whole_units", "fill", "close_at_end", "periods_per_year", "risk_free_rate");
        assertThat(request.get("options").get("fill").asString()).isEqualTo("close");
        assertThat(request.get("options").get("whole_units").isBoolean()).isTrue();
        assertThat(request.get("options").get("periods_per_year").isIntegralNumber()).isTrue();
    }

    @Test
    void completeAndControlRoundTrip() {
        for (Complete complete : List.of(Samples.complete(), Samples.completeCancelled())) {
            assertThat(WireJson.mapper().readValue(json(complete), Complete.class)).isEqualTo(complete);
        }
        JsonNode complete = WireJson.mapper().readTree(json(Samples.complete()));
        assertThat(fieldNames(complete)).containsExactly("status", "final_equity", "total_trades", "metrics", "strategies",
                "candles", "duration_ms", "attempts");
        assertThat(fieldNames(complete.get("strategies"))).containsExactly("ema_cross");
        for (ControlEvent event : List.of(Samples.controlPaused(), Samples.controlResumed(), Samples.controlCancelled())) {
            assertThat(WireJson.mapper().readValue(json(event), ControlEvent.class)).isEqualTo(event);
        }
        for (ControlCommand command : List.of(Samples.controlCommand(), Samples.controlCommandMinimal())) {
            assertThat(WireJson.mapper().readValue(json(command), ControlCommand.class)).isEqualTo(command);
        }
        assertThat(json(Samples.controlCommand())).contains("\"action\":\"pause\"");
    }

    @Test
    void timestampsKeepTheirPrecision() {
        Instant micros = Instant.parse("2024-02-11T14:30:22.123456Z");
        Envelope<Progress> sent = Envelope.event(StreamType.BACKTEST, "b", 1, micros, Samples.progress());
        String json = json(sent);
        assertThat(json).contains("\"timestamp\":\"2024-02-11T14:30:22.123456Z\"");
        assertThat(WireJson.mapper().readValue(json, new TypeReference<Envelope<Progress>>() { }).timestamp()).isEqualTo(micros);
    }
}

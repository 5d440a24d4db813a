package io.tapecast.schemas;

import io.tapecast.schemas.testing.WireSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.tapecast.schemas.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

/** JSON that drifts from the contract is rejected, with a message naming the problem. */
class SchemaViolationTest {

    private static String edit(Envelope<?> envelope, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) WireJson.mapper().valueToTree(envelope);
        change.accept(node);
        return node.toString();
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    static Stream<Arguments> invalidEnvelopes() {
        return Stream.of(
                Arguments.of("trade exit without pnl",
                        edit(Samples.event(3, Samples.tradeExit()), e -> data(e).remove("pnl")), "pnl"),
                Arguments.of("trade exit without pnl_percent",
                        edit(Samples.event(3, Samples.tradeExit()), e -> data(e).remove("pnl_percent")), "pnl_percent"),
                Arguments.of("trade entry with pnl",
                        edit(Samples.event(2, Samples.tradeEntry()), e -> data(e).put("pnl", 1.0)), "pnl"),
                Arguments.of("trade with an unknown action",
                        edit(Samples.event(2, Samples.tradeEntry()), e -> data(e).put("action", "hold")), "action"),
                Arguments.of("trade with an unknown side",
                        edit(Samples.event(2, Samples.tradeEntry()), e -> data(e).put("side", "short")), "side"),
                Arguments.of("progress with a string percent",
                        edit(Samples.event(1, Samples.progress()), e -> data(e).put("percent", "14.27")), "percent"),
                Arguments.of("progress with a fractional candle count",
                        edit(Samples.event(1, Samples.progress()), e -> data(e).put("candles_processed", 1.5)), "candles_processed"),
                Arguments.of("progress with a camelCase field",
                        edit(Samples.event(1, Samples.progress()), e -> data(e).set("candlesProcessed", data(e).remove("candles_processed"))),
                        "candlesProcessed"),
                Arguments.of("unknown extra field in data",
                        edit(Samples.event(5, Samples.equity()), e -> data(e).put("balance", 1.0)), "balance"),
                Arguments.of("unknown extra field in the envelope",
                        edit(Samples.event(5, Samples.equity()), e -> e.put("version", 2)), "version"),
                Arguments.of("missing field in data",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).remove("duration_ms")), "duration_ms"),
                Arguments.of("drift inside nested metrics",
                        edit(Samples.event(7, Samples.complete()), e -> ((ObjectNode) data(e).get("metrics")).put("bogus_ratio", 1.2)), "bogus_ratio"),
                Arguments.of("complete with an unknown status",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).put("status", "aborted")), "status"),
                Arguments.of("complete with the removed trade_count",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).put("trade_count", 12)), "trade_count"),
                Arguments.of("complete without attempts",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).remove("attempts")), "attempts"),
                Arguments.of("complete with zero attempts",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).put("attempts", 0)), "attempts"),
                Arguments.of("complete without strategies",
                        edit(Samples.event(7, Samples.complete()), e -> data(e).remove("strategies")), "strategies"),
                Arguments.of("complete with a strategy's figures that are not metrics",
                        edit(Samples.event(7, Samples.complete()), e -> ((ObjectNode) data(e).get("strategies")).put("rsi_reversal", 3.5)),
                        "rsi_reversal"),
                Arguments.of("drift inside a strategy's metrics",
                        edit(Samples.event(7, Samples.complete()),
                                e -> ((ObjectNode) data(e).get("strategies").get("ema_cross")).put("bogus_ratio", 1.2)), "bogus_ratio"),
                Arguments.of("control event with an unknown action",
                        edit(Samples.event(9, Samples.controlPaused()), e -> data(e).put("action", "jump")), "action"),
                Arguments.of("control event with the command's action",
                        edit(Samples.event(9, Samples.controlPaused()), e -> data(e).put("action", "pause")), "action"),
                Arguments.of("control event without simulated_time",
                        edit(Samples.event(9, Samples.controlPaused()), e -> data(e).remove("simulated_time")), "simulated_time"),
                Arguments.of("control event with a negative candle count",
                        edit(Samples.event(9, Samples.controlPaused()), e -> data(e).put("candles_processed", -1)), "candles_processed"),
                Arguments.of("control event without seq",
                        edit(Samples.event(9, Samples.controlPaused()), e -> e.remove("seq")), "seq"),
                Arguments.of("connected without attempts",
                        edit(Samples.gateway(Samples.connected()), e -> data(e).remove("attempts")), "attempts"),
                Arguments.of("seq 0",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("seq", 0)), "seq"),
                Arguments.of("seq as a string",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("seq", "1")), "seq"),
                Arguments.of("backtest event without seq",
                        edit(Samples.event(1, Samples.progress()), e -> e.remove("seq")), "seq"),
                Arguments.of("missing timestamp",
                        edit(Samples.event(1, Samples.progress()), e -> e.remove("timestamp")), "timestamp"),
                Arguments.of("timestamp as epoch millis",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("timestamp", 1_707_661_822_123L)), "timestamp"),
                Arguments.of("timestamp not in UTC",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("timestamp", "2024-02-11T15:30:22.123+01:00")), "timestamp"),
                Arguments.of("timestamp that is no date",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("timestamp", "2024-02-31T25:61:00Z")), "timestamp"),
                Arguments.of("simulated time missing",
                        edit(Samples.event(1, Samples.progress()), e -> data(e).remove("simulated_time")), "simulated_time"),
                Arguments.of("missing stream_id",
                        edit(Samples.event(1, Samples.progress()), e -> e.remove("stream_id")), "stream_id"),
                Arguments.of("backtest event on another stream",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("stream", "market-data")), "market-data"),
                Arguments.of("gateway message with a seq",
                        edit(Samples.gateway(Samples.gap()), e -> e.put("seq", 5)), "seq"),
                Arguments.of("pong with data",
                        edit(Samples.gateway(Samples.pong()), e -> data(e).put("x", 1)), "x"),
                Arguments.of("connected with a negative from_seq",
                        edit(Samples.gateway(Samples.connected()), e -> data(e).put("from_seq", -1)), "from_seq"),
                Arguments.of("unknown stream",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("stream", "futures")), "futures"),
                Arguments.of("type without a schema",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("type", "order")), "order"),
                Arguments.of("a backtest event on the live-trading stream",
                        edit(Samples.event(1, Samples.progress()), e -> e.put("stream", "live-trading")), "live-trading"),
                Arguments.of("not JSON", "{\"type\":", "JSON"),
                Arguments.of("not an object", "[1,2]", "object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void isRejected(String name, String json, String mentioned) {
        assertThat(WireSchemaValidator.validate(json))
                .as(json)
                .isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains(mentioned));
    }

    @Test
    void messagesNameTheLocationOfTheViolation() {
        String json = edit(Samples.event(1, Samples.progress()), e -> data(e).put("percent", "14.27"));
        assertThat(WireSchemaValidator.validate(json)).containsExactly("/data/percent: string found, number expected");
        String noTimestamp = edit(Samples.event(1, Samples.progress()), e -> e.remove("timestamp"));
        assertThat(WireSchemaValidator.validate(noTimestamp)).containsExactly("/: required property 'timestamp' not found");
    }

    @Test
    void statusWithPartitionButNoFirstOffsetIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.running());
        status.remove("first_offset");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("first_offset"));
    }

    @Test
    void completedStatusWithoutFinalMetricsIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.completed());
        status.remove("final_metrics");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("final_metrics"));
    }

    @Test
    void cancelledStatusWithoutFinalMetricsIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.cancelled());
        status.remove("final_metrics");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("final_metrics"));
    }

    @Test
    void pausedStatusNeedsNoFinalMetrics() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.paused());
        assertThat(status.has("final_metrics")).isFalse();
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS)).isEmpty();
    }

    @Test
    void statusWithAnUnknownStateIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.running());
        status.put("state", "stopped");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("state"));
    }

    @Test
    void statusWithoutOrWithANegativeAttemptIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.running());
        status.put("attempt", -1);
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("attempt"));
        status.remove("attempt");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("attempt"));
    }

    @Test
    void failedStatusWithoutErrorIsRejected() {
        ObjectNode status = (ObjectNode) WireJson.mapper().valueToTree(Samples.failed());
        status.remove("error");
        assertThat(WireSchemaValidator.validate(status.toString(), SchemaResources.BACKTEST_STATUS))
                .anySatisfy(message -> assertThat(message).contains("error"));
    }

    @Test
    void startRequestWithoutStrategiesIsRejected() {
        ObjectNode request = (ObjectNode) WireJson.mapper().valueToTree(Samples.startBacktest());
        request.putArray("strategy_ids");
        JsonNode params = request.get("params");
        ((ObjectNode) params.get("ema_cross")).put("fast", "twelve");
        assertThat(WireSchemaValidator.validate(request.toString(), SchemaResources.BACKTEST_START_REQUEST))
                .anySatisfy(message -> assertThat(message).contains("strategy_ids"))
                .anySatisfy(message -> assertThat(message).contains("fast"));
    }

    private static ObjectNode startRequest() {
        return (ObjectNode) WireJson.mapper().valueToTree(Samples.startBacktest());
    }

    private static ObjectNode options(ObjectNode request) {
        return (ObjectNode) request.get("options");
    }

    private static void assertStartRequestRejected(ObjectNode request, String mentioned) {
        assertThat(WireSchemaValidator.validate(request.toString(), SchemaResources.BACKTEST_START_REQUEST))
                .as(request.toString())
                .isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains(mentioned));
    }

    static Stream<Arguments> invalidStartRequests() {
        return Stream.of(
                Arguments.of("options with fill \"later\"", edit(startRequest(), r -> options(r).put("fill", "later")), "fill"),
                Arguments.of("zero capital", edit(startRequest(), r -> options(r).put("initial_capital", 0)), "initial_capital"),
                Arguments.of("negative fee", edit(startRequest(), r -> options(r).put("fee_bps", -1)), "fee_bps"),
                Arguments.of("slippage of 100 %", edit(startRequest(), r -> options(r).put("slippage_bps", 10_000)), "slippage_bps"),
                Arguments.of("position size above 1", edit(startRequest(), r -> options(r).put("position_size", 1.5)), "position_size"),
                Arguments.of("position size 0", edit(startRequest(), r -> options(r).put("position_size", 0)), "position_size"),
                Arguments.of("whole_units as a string", edit(startRequest(), r -> options(r).put("whole_units", "yes")), "whole_units"),
                Arguments.of("periods_per_year 0", edit(startRequest(), r -> options(r).put("periods_per_year", 0)), "periods_per_year"),
                Arguments.of("fractional periods_per_year",
                        edit(startRequest(), r -> options(r).put("periods_per_year", 252.5)), "periods_per_year"),
                Arguments.of("risk-free rate of −100 %", edit(startRequest(), r -> options(r).put("risk_free_rate", -1)), "risk_free_rate"),
                Arguments.of("options without close_at_end", edit(startRequest(), r -> options(r).remove("close_at_end")), "close_at_end"),
                Arguments.of("unknown option", edit(startRequest(), r -> options(r).put("leverage", 2)), "leverage"),
                Arguments.of("no options", edit(startRequest(), r -> r.remove("options")), "options"),
                Arguments.of("no params", edit(startRequest(), r -> r.remove("params")), "params"),
                Arguments.of("old strategy_params name", edit(startRequest(), r -> r.set("strategy_params", r.remove("params"))),
                        "strategy_params"),
                Arguments.of("old top-level initial_capital", edit(startRequest(), r -> r.put("initial_capital", 10_000)), "initial_capital"),
                Arguments.of("old top-level fee_bps", edit(startRequest(), r -> r.put("fee_bps", 10)), "fee_bps"));
    }

    private static ObjectNode edit(ObjectNode node, Consumer<ObjectNode> change) {
        change.accept(node);
        return node;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStartRequests")
    void invalidStartRequestIsRejected(String name, ObjectNode request, String mentioned) {
        assertStartRequestRejected(request, mentioned);
    }

    static Stream<Arguments> invalidControlCommands() {
        return Stream.of(
                Arguments.of("without action", editCommand(c -> c.remove("action")), "action"),
                Arguments.of("with an unknown action", editCommand(c -> c.put("action", "jump")), "action"),
                Arguments.of("with the event's past-tense action", editCommand(c -> c.put("action", "paused")), "action"),
                Arguments.of("without backtest_id", editCommand(c -> c.remove("backtest_id")), "backtest_id"),
                Arguments.of("without requested_at", editCommand(c -> c.remove("requested_at")), "requested_at"),
                Arguments.of("requested_at as epoch millis", editCommand(c -> c.put("requested_at", 1_707_661_822_123L)), "requested_at"),
                Arguments.of("with an unknown field", editCommand(c -> c.put("reason", "too slow")), "reason"),
                Arguments.of("wrapped in an envelope",
                        edit(Samples.event(1, Samples.controlPaused()), e -> { }), "type"));
    }

    private static String editCommand(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) WireJson.mapper().valueToTree(Samples.controlCommand());
        change.accept(node);
        return node.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidControlCommands")
    void invalidControlCommandIsRejected(String name, String json, String mentioned) {
        assertThat(WireSchemaValidator.validate(json, SchemaResources.BACKTEST_CONTROL_COMMAND))
                .as(json)
                .isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains(mentioned));
    }
}

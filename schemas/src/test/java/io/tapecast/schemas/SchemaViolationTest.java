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
                        edit(Samples.event(7, Samples.complete()), e -> ((ObjectNode) data(e).get("metrics")).put("sharpe", 1.2)), "sharpe"),
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
                Arguments.of("live-trading events have no schema yet",
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
        JsonNode params = request.get("strategy_params");
        ((ObjectNode) params.get("ema_cross")).put("fast", "twelve");
        assertThat(WireSchemaValidator.validate(request.toString(), SchemaResources.BACKTEST_START_REQUEST))
                .anySatisfy(message -> assertThat(message).contains("strategy_ids"))
                .anySatisfy(message -> assertThat(message).contains("fast"));
    }

    @Test
    void startRequestWithZeroCapitalIsRejected() {
        ObjectNode request = (ObjectNode) WireJson.mapper().valueToTree(Samples.startBacktest());
        request.put("initial_capital", 0);
        assertThat(WireSchemaValidator.validate(request.toString(), SchemaResources.BACKTEST_START_REQUEST))
                .anySatisfy(message -> assertThat(message).contains("initial_capital"));
    }
}

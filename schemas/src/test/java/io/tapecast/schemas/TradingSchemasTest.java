package io.tapecast.schemas;

import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.schemas.trading.OrderEvent;
import io.tapecast.schemas.trading.PnlEvent;
import io.tapecast.schemas.trading.PositionEvent;
import io.tapecast.schemas.trading.RiskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.tapecast.schemas.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live-trading payloads: samples satisfy their schemas, drift is rejected, records refuse bad values. */
class TradingSchemasTest {

    static Stream<Arguments> tradingEvents() {
        return Stream.of(
                Arguments.of("order entry", Samples.tradingEvent(1, Samples.orderEntry())),
                Arguments.of("position long", Samples.tradingEvent(2, Samples.positionLong())),
                Arguments.of("pnl", Samples.tradingEvent(3, Samples.pnl())),
                Arguments.of("risk", Samples.tradingEvent(4, Samples.risk())),
                Arguments.of("order exit", Samples.tradingEvent(5, Samples.orderExit())),
                Arguments.of("position flat", Samples.tradingEvent(6, Samples.positionFlat())),
                Arguments.of("risk flat", Samples.tradingEvent(7, Samples.riskFlat())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tradingEvents")
    void tradingEventsSatisfyTheirSchemasAndReadBack(String name, Envelope<? extends Payload> event) {
        String json = json(event);
        assertThat(SchemaResources.forEnvelope("live-trading", event.type(), true))
                .isEqualTo(SchemaResources.forMessage(StreamType.LIVE_TRADING, event.type()));
        WireSchemaValidator.assertValid(json);
        WireSchemaValidator.assertValid(json, SchemaResources.ENVELOPE);
        JsonNode data = WireJson.mapper().readTree(json).get("data");
        Object back = WireJson.mapper().treeToValue(data, event.data().getClass());
        assertThat(back).isEqualTo(event.data());
    }

    @Test
    void theWireShapeIsSnakeCase() {
        assertThat(json(Samples.orderEntry())).isEqualTo("{\"order_id\":\"demo-7\",\"trade_id\":\"sma-crossover-4\","
                + "\"symbol\":\"BTC-USD\",\"strategy_id\":\"sma-crossover\",\"side\":\"buy\",\"action\":\"entry\","
                + "\"quantity\":0.1034,\"price\":48300.0,\"fee\":4.99,\"reason\":\"enter_long\","
                + "\"time\":\"2024-02-11T14:29:00Z\"}");
        assertThat(json(Samples.orderExit())).contains("\"realized_pnl\":32.37");
        assertThat(json(Samples.positionFlat())).doesNotContain("average_entry_price");
        assertThat(json(Samples.risk())).contains("\"var95\":41.2", "\"var95_pct\":0.4109", "\"var_window\":250",
                "\"largest_position_symbol\":\"BTC-USD\"");
        assertThat(json(Samples.riskFlat())).doesNotContain("var95", "largest_position_symbol");
        assertThat(Samples.tradingEvent(1, Samples.pnl()).type()).isEqualTo(EventTypes.PNL);
        assertThat(Samples.tradingEvent(1, Samples.pnl()).streamId()).isEqualTo("demo");
    }

    private static String edit(Envelope<?> envelope, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) WireJson.mapper().valueToTree(envelope);
        change.accept(node);
        return node.toString();
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of("order without seq", edit(Samples.tradingEvent(1, Samples.orderEntry()),
                        e -> e.remove("seq")), "seq"),
                Arguments.of("order on the market-data stream", edit(Samples.tradingEvent(1, Samples.orderEntry()),
                        e -> e.put("stream", "market-data")), "market-data"),
                Arguments.of("entry with a realized pnl", edit(Samples.tradingEvent(1, Samples.orderEntry()),
                        e -> data(e).put("realized_pnl", 1.0)), "realized_pnl"),
                Arguments.of("exit without a realized pnl", edit(Samples.tradingEvent(1, Samples.orderExit()),
                        e -> data(e).remove("realized_pnl")), "realized_pnl"),
                Arguments.of("order with side hold", edit(Samples.tradingEvent(1, Samples.orderEntry()),
                        e -> data(e).put("side", "hold")), "side"),
                Arguments.of("order with a lowercase symbol", edit(Samples.tradingEvent(1, Samples.orderEntry()),
                        e -> data(e).put("symbol", "btc-usd")), "symbol"),
                Arguments.of("position with an unknown field", edit(Samples.tradingEvent(1, Samples.positionLong()),
                        e -> data(e).put("leverage", 2)), "leverage"),
                Arguments.of("pnl without equity", edit(Samples.tradingEvent(1, Samples.pnl()),
                        e -> data(e).remove("equity")), "equity"),
                Arguments.of("risk with a positive drawdown", edit(Samples.tradingEvent(1, Samples.risk()),
                        e -> data(e).put("drawdown_pct", 1.5)), "drawdown_pct"),
                Arguments.of("risk with var95 but no var95_pct", edit(Samples.tradingEvent(1, Samples.risk()),
                        e -> data(e).remove("var95_pct")), "var95_pct"),
                Arguments.of("risk with a share above 1", edit(Samples.tradingEvent(1, Samples.risk()),
                        e -> data(e).put("largest_position_share", 1.2)), "largest_position_share"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void driftIsRejected(String name, String json, String mentioned) {
        List<String> errors = WireSchemaValidator.validate(json);
        assertThat(errors).as(json).isNotEmpty();
        assertThat(String.join("\n", errors)).contains(mentioned);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TradingSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return WireJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    @Test
    void schemaEnumsMatchTheJavaValues() {
        JsonNode order = read(SchemaResources.TRADING_ORDER).at("/$defs/order/properties");
        assertThat(strings(order.at("/side/enum")))
                .containsExactlyElementsOf(Stream.of(OrderEvent.Side.values()).map(Enum::name).toList());
        assertThat(strings(order.at("/action/enum")))
                .containsExactlyElementsOf(Stream.of(OrderEvent.Action.values()).map(Enum::name).toList());
    }

    @Test
    void recordsRefuseValuesTheContractForbids() {
        Instant t = Samples.TRADING_TIME;
        assertThatThrownBy(() -> new OrderEvent("a-1", "s-1", "BTC-USD", "s", OrderEvent.Side.buy,
                OrderEvent.Action.entry, 1, 1, 0, "enter_long", t, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realized_pnl");
        assertThatThrownBy(() -> new OrderEvent("a-1", "s-1", "btc", "s", OrderEvent.Side.buy,
                OrderEvent.Action.entry, 1, 1, 0, "enter_long", t, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new OrderEvent("a-1", "s-1", "BTC-USD", "s", OrderEvent.Side.buy,
                OrderEvent.Action.entry, 0, 1, 0, "enter_long", t, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> new PositionEvent("BTC-USD", "s", 0, 100.0, 100, 0, 0, 0, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("average_entry_price");
        assertThatThrownBy(() -> new PositionEvent("BTC-USD", "s", 1, null, 100, 100, 0, 0, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("average_entry_price");
        assertThatThrownBy(() -> new PnlEvent(t, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial_capital");
        assertThatThrownBy(() -> new RiskEvent(t, 1, 0, 0, 0, 0, 1, 0.5, null, null, 0, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drawdown_pct");
        assertThatThrownBy(() -> new RiskEvent(t, 1, 0, 0, 0, 0, 1, 0, 1.0, null, 0, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("var_95");
        assertThatThrownBy(() -> new RiskEvent(t, 1, 0, 0, 0, 0, 1, 0, null, null, 0, null, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("largest_position_share");
    }
}

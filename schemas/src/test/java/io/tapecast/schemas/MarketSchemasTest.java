package io.tapecast.schemas;

import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.ConfluenceFactor;
import io.tapecast.schemas.market.MarketFields;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.PatternType;
import io.tapecast.schemas.market.StructureEvent;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;
import io.tapecast.schemas.testing.WireSchemaValidator;
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
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.tapecast.schemas.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The market-data payloads: samples satisfy their schemas, drift is rejected, records refuse bad values. */
class MarketSchemasTest {

    static Stream<Arguments> marketEvents() {
        return Stream.of(
                Arguments.of("candle forming", Samples.marketEvent(1, Samples.candleForming())),
                Arguments.of("candle closed", Samples.marketEvent(2, Samples.candleClosed())),
                Arguments.of("pattern engulfing", Samples.marketEvent(3, Samples.patternEngulfing())),
                Arguments.of("pattern doji", Samples.marketEvent(4, Samples.patternDoji())),
                Arguments.of("swing high", Samples.marketEvent(5, Samples.swingHigh())),
                Arguments.of("bos", Samples.marketEvent(6, Samples.breakOfStructure())),
                Arguments.of("choch", Samples.marketEvent(7, Samples.changeOfCharacter())),
                Arguments.of("fvg", Samples.marketEvent(8, Samples.fairValueGap())),
                Arguments.of("fvg mitigated", Samples.marketEvent(9, Samples.fairValueGapMitigated())),
                Arguments.of("confluence", Samples.marketEvent(10, Samples.confluence())),
                Arguments.of("confluence neutral", Samples.marketEvent(11, Samples.confluenceNeutral())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("marketEvents")
    void marketEventsSatisfyTheirSchemasAndReadBack(String name, Envelope<? extends Payload> event) {
        String json = json(event);
        assertThat(SchemaResources.forEnvelope("market-data", event.type(), true))
                .isEqualTo(SchemaResources.forMessage(StreamType.MARKET_DATA, event.type()));
        WireSchemaValidator.assertValid(json);
        WireSchemaValidator.assertValid(json, SchemaResources.ENVELOPE);
        JsonNode data = WireJson.mapper().readTree(json).get("data");
        Object back = WireJson.mapper().treeToValue(data, event.data().getClass());
        assertThat(back).isEqualTo(event.data());
    }

    @Test
    void theWireShapeIsSnakeCaseWithLowercaseEnums() {
        assertThat(json(Samples.candleClosed())).isEqualTo("{\"symbol\":\"BTC-USD\",\"timeframe\":\"1m\","
                + "\"open_time\":\"2024-02-11T14:29:00Z\",\"open\":48300.0,\"high\":48325.5,\"low\":48290.0,"
                + "\"close\":48310.75,\"volume\":3.2,\"closed\":true}");
        assertThat(json(Samples.fairValueGap())).contains("\"kind\":\"fvg\"", "\"gap_low\":48250.0")
                .doesNotContain("\"price\"");
        assertThat(json(Samples.swingHigh())).contains("\"kind\":\"swing_high\"", "\"direction\":\"bearish\"")
                .doesNotContain("gap_");
        assertThat(json(Samples.confluence())).contains("\"factor\":\"trend_alignment\"",
                "\"trends\":{\"1m\":\"up\",\"5m\":\"up\",\"1h\":\"down\"}");
        assertThat(Samples.marketEvent(1, Samples.patternDoji()).type()).isEqualTo(EventTypes.PATTERN);
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
                Arguments.of("candle without seq", edit(Samples.marketEvent(1, Samples.candleClosed()),
                        e -> e.remove("seq")), "seq"),
                Arguments.of("candle on the backtest stream", edit(Samples.marketEvent(1, Samples.candleClosed()),
                        e -> e.put("stream", "backtest")), "backtest"),
                Arguments.of("candle with an unknown timeframe", edit(Samples.marketEvent(1, Samples.candleClosed()),
                        e -> data(e).put("timeframe", "2h")), "timeframe"),
                Arguments.of("candle with a lowercase symbol", edit(Samples.marketEvent(1, Samples.candleClosed()),
                        e -> data(e).put("symbol", "btc-usd")), "symbol"),
                Arguments.of("candle without closed", edit(Samples.marketEvent(1, Samples.candleClosed()),
                        e -> data(e).remove("closed")), "closed"),
                Arguments.of("pattern with strength 50", edit(Samples.marketEvent(1, Samples.patternEngulfing()),
                        e -> data(e).put("strength", 50)), "strength"),
                Arguments.of("pattern of an unknown kind", edit(Samples.marketEvent(1, Samples.patternEngulfing()),
                        e -> data(e).put("pattern", "harami")), "pattern"),
                Arguments.of("fvg with a price", edit(Samples.marketEvent(1, Samples.fairValueGap()),
                        e -> data(e).put("price", 1.0)), "price"),
                Arguments.of("fvg without gap_high", edit(Samples.marketEvent(1, Samples.fairValueGap()),
                        e -> data(e).remove("gap_high")), "gap_high"),
                Arguments.of("bos without price", edit(Samples.marketEvent(1, Samples.breakOfStructure()),
                        e -> data(e).remove("price")), "price"),
                Arguments.of("swing with gap bounds", edit(Samples.marketEvent(1, Samples.swingHigh()),
                        e -> data(e).put("gap_low", 1.0)), "gap_low"),
                Arguments.of("structure with a neutral direction", edit(Samples.marketEvent(1, Samples.breakOfStructure()),
                        e -> data(e).put("direction", "neutral")), "direction"),
                Arguments.of("confluence above 100", edit(Samples.marketEvent(1, Samples.confluence()),
                        e -> data(e).put("score", 100.5)), "score"),
                Arguments.of("confluence with an unknown factor", edit(Samples.marketEvent(1, Samples.confluence()),
                        e -> ((ObjectNode) data(e).get("components").get(0)).put("factor", "volume")), "factor"),
                Arguments.of("confluence with a trend of an unknown timeframe",
                        edit(Samples.marketEvent(1, Samples.confluence()),
                                e -> ((ObjectNode) data(e).get("trends")).put("3m", "up")), "3m"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void driftIsRejected(String name, String json, String mentioned) {
        List<String> errors = WireSchemaValidator.validate(json);
        assertThat(errors).as(json).isNotEmpty();
        assertThat(String.join("\n", errors)).contains(mentioned);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = MarketSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
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

    private static List<String> wireNames(Enum<?>[] values) {
        return Stream.of(values).map(v -> WireJson.mapper().valueToTree(v).asString()).toList();
    }

    @Test
    void schemaEnumsMatchTheJavaValues() {
        Map<String, List<String>> expected = Map.of(
                SchemaResources.MARKET_PATTERN + "#/$defs/pattern/properties/pattern/enum", wireNames(PatternType.values()),
                SchemaResources.MARKET_PATTERN + "#/$defs/pattern/properties/direction/enum", wireNames(Bias.values()),
                SchemaResources.MARKET_STRUCTURE + "#/$defs/structure/properties/kind/enum", wireNames(StructureKind.values()),
                SchemaResources.MARKET_STRUCTURE + "#/$defs/structure/properties/trend/enum", wireNames(Trend.values()),
                SchemaResources.MARKET_CONFLUENCE + "#/$defs/confluence/properties/bias/enum", wireNames(Bias.values()),
                SchemaResources.MARKET_CONFLUENCE + "#/$defs/confluence/properties/trends/additionalProperties/enum",
                wireNames(Trend.values()),
                SchemaResources.MARKET_CONFLUENCE + "#/$defs/component/properties/factor/enum",
                wireNames(ConfluenceFactor.values()),
                SchemaResources.MARKET_CANDLE + "#/$defs/timeframe/enum", MarketFields.TIMEFRAMES);
        expected.forEach((location, values) -> {
            String[] parts = location.split("#", 2);
            JsonNode node = read(parts[0]).at(parts[1]);
            assertThat(node.isArray()).as(location).isTrue();
            assertThat(strings(node)).as(location).containsExactlyElementsOf(values);
        });
        assertThat(strings(read(SchemaResources.MARKET_STRUCTURE).at("/$defs/structure/properties/direction/enum")))
                .containsExactly("bullish", "bearish");
    }

    @Test
    void enumsParseTheirWireNamesOnly() {
        assertThat(PatternType.fromWireName("Shooting_Star")).isEqualTo(PatternType.SHOOTING_STAR);
        assertThat(StructureKind.fromWireName("fvg_mitigated")).isEqualTo(StructureKind.FVG_MITIGATED);
        assertThatThrownBy(() -> Trend.fromWireName("sideways")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up, down, undefined");
    }

    @Test
    void recordsRefuseValuesTheContractForbids() {
        Instant t = Samples.MARKET_TIME;
        assertThatThrownBy(() -> new CandleEvent("BTC-USD", "2h", t, 1, 1, 1, 1, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeframe");
        assertThatThrownBy(() -> new CandleEvent("btc", "1m", t, 1, 1, 1, 1, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new CandleEvent("BTC-USD", "1m", t, 2, 1.5, 1, 1, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrap");
        assertThatThrownBy(() -> new PatternEvent("BTC-USD", "1m", t, PatternType.DOJI, Bias.NEUTRAL, 90, 1, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strength");
        assertThatThrownBy(() -> new StructureEvent("BTC-USD", "1m", t, StructureKind.FVG, Bias.BULLISH, 1.0, t,
                1.0, 2.0, Trend.UP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no price");
        assertThatThrownBy(() -> new StructureEvent("BTC-USD", "1m", t, StructureKind.FVG, Bias.BULLISH, null, t,
                2.0, 2.0, Trend.UP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap_low");
        assertThatThrownBy(() -> new StructureEvent("BTC-USD", "1m", t, StructureKind.SWING_LOW, Bias.BEARISH, 1.0,
                t, null, null, Trend.UP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swing");
        assertThatThrownBy(() -> new StructureEvent("BTC-USD", "1m", t, StructureKind.BOS, Bias.BULLISH, 1.0,
                t.plusSeconds(1), null, null, Trend.UP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference_time");
        assertThatThrownBy(() -> new ConfluenceEvent("BTC-USD", "1m", t, 50, Bias.BULLISH, 40, 10, List.of(),
                Map.of("1m", Trend.UP))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger");
        assertThatThrownBy(() -> new ConfluenceEvent("BTC-USD", "1m", t, 40, Bias.BULLISH, 40, 10, List.of(),
                Map.of("1h", Trend.UP))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own timeframe");
    }
}

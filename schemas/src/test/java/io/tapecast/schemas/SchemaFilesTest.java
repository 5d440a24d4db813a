package io.tapecast.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.EquityPoint;
import io.tapecast.schemas.backtest.FillMode;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.TradeEvent;
import io.tapecast.schemas.gateway.Connected;
import io.tapecast.schemas.gateway.Gap;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceComponent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.StructureEvent;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files themselves: valid 2020-12 schemas, all listed, ids matching paths, and in step with the records. */
class SchemaFilesTest {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return WireJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under schemas/ in the module's main resources as built (target/classes). */
    private static List<String> schemaFilesOnDisk() throws IOException, URISyntaxException {
        URL envelope = SchemaFilesTest.class.getClassLoader().getResource(SchemaResources.ENVELOPE);
        assertThat(envelope).isNotNull();
        assertThat(envelope.getProtocol()).as("schemas are read from a directory in this module's build").isEqualTo("file");
        Path root = Path.of(envelope.toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> SchemaResources.ROOT + root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyFileIsListedAndEveryListedResourceExists() throws Exception {
        List<String> onDisk = schemaFilesOnDisk();
        assertThat(onDisk).allSatisfy(file -> assertThat(file).endsWith(".schema.json"));
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(SchemaResources.all());
    }

    @Test
    void everyFileIsAValid2020_12SchemaWithAnIdMatchingItsPath() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(META_SCHEMA));
        assertThat(metaSchema.validate(WireJson.mapper().readTree("{\"type\":5,\"required\":\"x\"}")))
                .as("the meta-schema check is not vacuous").isNotEmpty();
        for (String resource : SchemaResources.all()) {
            JsonNode schema = read(resource);
            List<Error> errors = metaSchema.validate(schema);
            assertThat(errors).as(resource).isEmpty();
            assertThat(schema.path("$schema").asString()).as(resource).isEqualTo(META_SCHEMA);
            assertThat(schema.path("$id").asString()).as(resource).isEqualTo(SchemaResources.idOf(resource));
            assertThat(schema.path("title").asString()).as(resource).isNotBlank();
            assertThat(schema.path("description").asString()).as(resource).isNotBlank();
            // loading resolves every $ref (across files, via the classpath)
            assertThat(WireSchemaValidator.schema(resource)).as(resource).isNotNull();
        }
    }

    static Stream<Arguments> recordSchemas() {
        return Stream.of(
                Arguments.of(Envelope.class, SchemaResources.ENVELOPE, ""),
                Arguments.of(Progress.class, SchemaResources.BACKTEST_PROGRESS, "/$defs/progress"),
                Arguments.of(TradeEvent.class, SchemaResources.BACKTEST_TRADE, "/$defs/trade"),
                Arguments.of(EquityPoint.class, SchemaResources.BACKTEST_EQUITY, "/$defs/equity"),
                Arguments.of(BacktestMetrics.class, SchemaResources.BACKTEST_METRICS, "/$defs/metrics"),
                Arguments.of(Complete.class, SchemaResources.BACKTEST_COMPLETE, "/$defs/complete"),
                Arguments.of(BacktestError.class, SchemaResources.BACKTEST_ERROR, "/$defs/error"),
                Arguments.of(ControlEvent.class, SchemaResources.BACKTEST_CONTROL, "/$defs/control"),
                Arguments.of(StartBacktest.class, SchemaResources.BACKTEST_START_REQUEST, ""),
                Arguments.of(EngineOptions.class, SchemaResources.BACKTEST_START_REQUEST, "/$defs/engine_options"),
                Arguments.of(BacktestStatus.class, SchemaResources.BACKTEST_STATUS, ""),
                Arguments.of(ControlCommand.class, SchemaResources.BACKTEST_CONTROL_COMMAND, ""),
                Arguments.of(Connected.class, SchemaResources.GATEWAY_CONNECTED, "/$defs/connected"),
                Arguments.of(Pong.class, SchemaResources.GATEWAY_PONG, "/$defs/pong"),
                Arguments.of(GatewayError.class, SchemaResources.GATEWAY_ERROR, "/$defs/error"),
                Arguments.of(Gap.class, SchemaResources.GATEWAY_GAP, "/$defs/gap"),
                Arguments.of(CandleEvent.class, SchemaResources.MARKET_CANDLE, "/$defs/candle"),
                Arguments.of(PatternEvent.class, SchemaResources.MARKET_PATTERN, "/$defs/pattern"),
                Arguments.of(StructureEvent.class, SchemaResources.MARKET_STRUCTURE, "/$defs/structure"),
                Arguments.of(ConfluenceEvent.class, SchemaResources.MARKET_CONFLUENCE, "/$defs/confluence"),
                Arguments.of(ConfluenceComponent.class, SchemaResources.MARKET_CONFLUENCE, "/$defs/component"),
                Arguments.of(OrderEvent.class, SchemaResources.TRADING_ORDER, "/$defs/order"),
                Arguments.of(PositionEvent.class, SchemaResources.TRADING_POSITION, "/$defs/position"),
                Arguments.of(PnlEvent.class, SchemaResources.TRADING_PNL, "/$defs/pnl"),
                Arguments.of(RiskEvent.class, SchemaResources.TRADING_RISK, "/$defs/risk"));
    }

    /**
     * Drift guard in the other direction from additionalProperties: every property a schema declares is a
     * record component (snake_case), every component is declared, the JSON type matches the Java type (a nested
     * record is a {@code $ref}), and primitive components are required.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordSchemas")
    void schemaPropertiesMatchTheRecordComponents(Class<?> record, String resource, String pointer) {
        JsonNode definition = read(resource).at(pointer);
        assertThat(definition.isMissingNode()).as(resource + "#" + pointer).isFalse();
        JsonNode properties = definition.path("properties");
        Set<String> required = new HashSet<>();
        definition.path("required").forEach(name -> required.add(name.asString()));

        List<String> declared = new ArrayList<>();
        properties.propertyNames().forEach(declared::add);
        List<String> components = Stream.of(record.getRecordComponents()).map(c -> snakeCase(c.getName())).toList();
        assertThat(declared).as(resource).containsExactlyInAnyOrderElementsOf(components);
        assertThat(definition.path("additionalProperties").isBoolean()
                && !definition.path("additionalProperties").asBoolean()).as(resource + ": additionalProperties false").isTrue();

        for (RecordComponent component : record.getRecordComponents()) {
            String name = snakeCase(component.getName());
            JsonNode property = properties.path(name);
            assertThat(property.path("description").asString()).as(resource + ": description of " + name).isNotBlank();
            Class<?> type = component.getType();
            if (type.isPrimitive()) {
                assertThat(required).as(resource + ": primitive " + name + " is required").contains(name);
            }
            String expected = jsonType(type);
            if (expected != null) {
                assertThat(property.path("type").asString()).as(resource + ": type of " + name).isEqualTo(expected);
            } else if (type == Instant.class) {
                assertThat(property.path("$ref").asString()).as(resource + ": " + name).endsWith("#/$defs/utc_timestamp");
            } else if (type.isRecord()) {
                assertThat(property.path("$ref").asString()).as(resource + ": " + name + " refers to its record's schema").isNotBlank();
            }
        }
    }

    /** The value sets of the schemas' enums are exactly those of the Java side (enum constants or string constants). */
    @Test
    void schemaEnumsMatchTheJavaValues() {
        Map<String, List<String>> expected = Map.of(
                SchemaResources.BACKTEST_STATUS + "#/properties/state/enum",
                Stream.of(BacktestState.values()).map(Enum::name).toList(),
                SchemaResources.BACKTEST_CONTROL_COMMAND + "#/properties/action/enum",
                Stream.of(ControlAction.values()).map(Enum::name).toList(),
                SchemaResources.BACKTEST_START_REQUEST + "#/$defs/engine_options/properties/fill/enum",
                Stream.of(FillMode.values()).map(FillMode::wireName).toList(),
                SchemaResources.BACKTEST_CONTROL + "#/$defs/control/properties/action/enum",
                List.of(ControlEvent.PAUSED, ControlEvent.RESUMED, ControlEvent.CANCELLED),
                SchemaResources.BACKTEST_COMPLETE + "#/$defs/complete/properties/status/enum",
                List.of(Complete.COMPLETED, Complete.CANCELLED));
        expected.forEach((location, values) -> {
            String[] parts = location.split("#", 2);
            JsonNode enumValues = read(parts[0]).at(parts[1]);
            assertThat(enumValues.isArray()).as(location).isTrue();
            List<String> declared = new ArrayList<>();
            enumValues.forEach(value -> declared.add(value.asString()));
            assertThat(declared).as(location).containsExactlyInAnyOrderElementsOf(values);
        });
    }

    private static String jsonType(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return null;
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

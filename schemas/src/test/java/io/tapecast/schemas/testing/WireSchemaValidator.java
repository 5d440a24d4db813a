package io.tapecast.schemas.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.tapecast.schemas.SchemaResources;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates wire JSON against the contract's JSON Schemas (published in this module's test-jar, for tests
 * of every module that writes or reads the wire). Schemas are loaded from the classpath ({@code schemas/**}
 * in the tapecast-schemas jar), {@code $ref}s between them resolve by mapping {@code https://tapecast.io/schemas/}
 * to {@code classpath:schemas/}, {@code format} (date-time) is asserted, and loaded schemas are cached.
 *
 * <pre>{@code
 * String json = WireJson.mapper().writeValueAsString(Envelope.event(StreamType.BACKTEST, id, 1, now, progress));
 * WireSchemaValidator.assertValid(json);
 * WireSchemaValidator.assertValid(statusJson, SchemaResources.BACKTEST_STATUS);
 * WireSchemaValidator.assertValid(commandJson, SchemaResources.BACKTEST_CONTROL_COMMAND);
 * }</pre>
 */
public final class WireSchemaValidator {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(SchemaResources.ID_PREFIX, "classpath:" + SchemaResources.ROOT))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private WireSchemaValidator() {
    }

    /**
     * Validates an envelope (a Kafka value of an events topic or a WebSocket frame) against the schema of its
     * type, picked by {@link SchemaResources#forEnvelope(String, String, boolean)} from its {@code stream},
     * {@code type} and whether it has a {@code seq}.
     *
     * @return the violations, one message each; empty when the JSON is valid
     */
    public static List<String> validate(String envelopeJson) {
        JsonNode node;
        try {
            node = JSON.readTree(envelopeJson);
        } catch (JacksonException e) {
            return List.of("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return List.of("an envelope must be a JSON object");
        }
        JsonNode type = node.get("type");
        JsonNode stream = node.get("stream");
        String resource;
        try {
            resource = SchemaResources.forEnvelope(
                    stream != null && stream.isString() ? stream.asString() : null,
                    type != null && type.isString() ? type.asString() : null,
                    node.has("seq"));
        } catch (IllegalArgumentException e) {
            return List.of("no schema for this envelope: " + e.getMessage());
        }
        return validate(node, resource);
    }

    /**
     * Validates any JSON against one schema resource, e.g. {@link SchemaResources#BACKTEST_STATUS} for a
     * {@code backtest.status} value, {@link SchemaResources#BACKTEST_START_REQUEST} for a
     * {@code backtest.requests} value or {@link SchemaResources#BACKTEST_CONTROL_COMMAND} for a
     * {@code backtest.control} value.
     *
     * @return the violations, one message each; empty when the JSON is valid
     */
    public static List<String> validate(String json, String schemaResource) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return List.of("not valid JSON: " + e.getOriginalMessage());
        }
        return validate(node, schemaResource);
    }

    /** Throws an {@link AssertionError} listing the violations and the JSON unless the envelope is valid. */
    public static void assertValid(String envelopeJson) {
        fail(validate(envelopeJson), envelopeJson, "its envelope schema");
    }

    /** Throws an {@link AssertionError} listing the violations and the JSON unless it satisfies the schema. */
    public static void assertValid(String json, String schemaResource) {
        fail(validate(json, schemaResource), json, schemaResource);
    }

    /** The loaded (and cached) schema of a resource such as {@link SchemaResources#BACKTEST_TRADE}. */
    public static Schema schema(String schemaResource) {
        return CACHE.computeIfAbsent(schemaResource, resource -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(SchemaResources.idOf(resource)));
            schema.initializeValidators(); // resolve every $ref now, so a broken reference fails on load
            return schema;
        });
    }

    private static List<String> validate(JsonNode node, String schemaResource) {
        List<Error> errors = schema(schemaResource).validate(node);
        return errors.stream().map(WireSchemaValidator::describe).toList();
    }

    /** e.g. {@code /data/percent: string found, number expected}; {@code /} is the document root. */
    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        return (location.isEmpty() ? "/" : location) + ": " + error.getMessage();
    }

    private static void fail(List<String> errors, String json, String against) {
        if (!errors.isEmpty()) {
            throw new AssertionError("JSON does not satisfy " + against + ":\n  - "
                    + String.join("\n  - ", errors) + "\nJSON: " + json);
        }
    }
}

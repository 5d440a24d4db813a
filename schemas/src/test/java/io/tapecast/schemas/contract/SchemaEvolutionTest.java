package io.tapecast.schemas.contract;

import io.tapecast.schemas.SchemaResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema-evolution rule: within a major version of the contract ({@value #CONTRACT_MAJOR}), every committed
 * schema may only change additively. {@code src/test/resources/contract/v1/schemas/} is the published version 1
 * (a copy of {@code src/main/resources/schemas/}); each current schema is compared with it by
 * {@link SchemaCompatibility}. An incompatible change needs a new major: copy the schemas to
 * {@code contract/v2/}, raise {@link #CONTRACT_MAJOR} and {@code info.version} of docs/asyncapi.yaml, and say so
 * in the release notes (docs/websocket-api.md, "Schema evolution").
 */
class SchemaEvolutionTest {

    /** The contract's major version: the {@code schema_version} of docs/websocket-api.md. */
    static final int CONTRACT_MAJOR = 1;

    static final Path SNAPSHOT = Path.of("src", "test", "resources", "contract", "v" + CONTRACT_MAJOR);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> publishedSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(SNAPSHOT)) {
            return files.filter(p -> p.toString().endsWith(".schema.json"))
                    .map(p -> SNAPSHOT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void thePublishedVersionIsComplete() throws IOException {
        assertThat(publishedSchemas().toList()).contains(SchemaResources.ENVELOPE, SchemaResources.BACKTEST_PROGRESS,
                SchemaResources.BACKTEST_STATUS, SchemaResources.GATEWAY_CONNECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedSchemas")
    void everyPublishedSchemaChangedOnlyAdditively(String resource) throws IOException {
        JsonNode published = JSON.readTree(Files.readString(SNAPSHOT.resolve(resource)));
        JsonNode current;
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " was published in version " + CONTRACT_MAJOR + " and must not be removed").isNotNull();
            current = JSON.readTree(in);
        }
        assertThat(SchemaCompatibility.breakingChanges(published, current))
                .as(resource + ": incompatible with version " + CONTRACT_MAJOR + " of the contract (additive changes only; "
                        + "see docs/websocket-api.md, Schema evolution)")
                .isEmpty();
    }

    // --- the checker itself: it must catch what it claims to catch

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static final String BASE = """
            {"type":"object","properties":{"a":{"type":"string","enum":["x","y"]},"n":{"type":"integer","minimum":0,"maximum":10}},
             "required":["a"],"additionalProperties":false}""";

    @Test
    void additiveChangesPass() {
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json("""
                {"type":"object","description":"now documented","properties":{"a":{"type":"string","enum":["x","y","z"]},
                 "n":{"type":"number","minimum":-1,"maximum":20},"b":{"type":"boolean"}},"required":["a"],"additionalProperties":false}""")))
                .isEmpty();
    }

    @Test
    void incompatibleChangesFail() {
        List<String> problems = SchemaCompatibility.breakingChanges(json(BASE), json("""
                {"type":"object","properties":{"a":{"type":"integer","enum":["x"]},"n":{"type":"integer","minimum":1,"maximum":5}},
                 "required":["a","n"],"additionalProperties":false}"""));
        assertThat(String.join("\n", problems))
                .contains("/properties/a/type: narrowed")
                .contains("/properties/a/enum: values removed")
                .contains("/properties/n/minimum: tightened")
                .contains("/properties/n/maximum: tightened")
                .contains("/required: new required [n]");
        assertThat(SchemaCompatibility.breakingChanges(json(BASE), json("""
                {"type":"object","properties":{"n":{"type":"integer","minimum":0,"maximum":10}},"required":[],"additionalProperties":false}""")))
                .containsExactly("/properties/a: removed");
        assertThat(SchemaCompatibility.breakingChanges(json("{\"type\":\"object\"}"),
                json("{\"type\":\"object\",\"additionalProperties\":false}")))
                .containsExactly("/additionalProperties: closed (false)");
        assertThat(SchemaCompatibility.breakingChanges(json("{\"properties\":{\"s\":{\"type\":\"string\"}}}"),
                json("{\"properties\":{\"s\":{\"type\":\"string\",\"pattern\":\"^a\"}}}")))
                .containsExactly("/properties/s/pattern: added \"^a\"");
    }
}

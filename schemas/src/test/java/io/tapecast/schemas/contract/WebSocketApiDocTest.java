package io.tapecast.schemas.contract;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.SchemaResources;
import io.tapecast.schemas.testing.WireSchemaValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/websocket-api.md shows every message type with an example, and every example envelope in it is valid
 * against the contract's JSON Schemas, so the page cannot drift from what the platform sends.
 */
class WebSocketApiDocTest {

    static final Path PAGE = AsyncApiDocumentTest.DOCS.resolve("websocket-api.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static List<JsonNode> envelopes() throws IOException {
        String page = Files.readString(PAGE);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> envelopes = new ArrayList<>();
        Matcher m = JSON_BLOCK.matcher(page);
        while (m.find()) {
            JsonNode node;
            try {
                node = json.readTree(m.group(1));
            } catch (JacksonException e) {
                continue; // prose-like snippets ("{ ... }") are not examples
            }
            if (node.isObject() && node.has("type") && node.has("stream_id")) {
                envelopes.add(node);
            }
        }
        return envelopes;
    }

    @Test
    void everyExampleEnvelopeIsValid() throws IOException {
        List<JsonNode> envelopes = envelopes();
        assertThat(envelopes).hasSizeGreaterThan(15);
        for (JsonNode envelope : envelopes) {
            assertThat(WireSchemaValidator.validate(envelope.toString())).as(envelope.toString()).isEmpty();
        }
    }

    @Test
    void everyMessageTypeHasAnExample() throws IOException {
        Set<String> shown = new HashSet<>();
        boolean gatewayError = false;
        boolean backtestError = false;
        for (JsonNode envelope : envelopes()) {
            String type = envelope.path("type").asString();
            shown.add(type);
            if (type.equals(EventTypes.ERROR)) {
                gatewayError |= !envelope.has("seq");
                backtestError |= envelope.has("seq");
            }
        }
        Set<String> expected = new HashSet<>(AsyncApiDocumentTest.eventTypes());
        expected.remove(EventTypes.PING); // a client frame, not an envelope
        assertThat(shown).containsAll(expected);
        assertThat(gatewayError).as("a gateway error example (no seq)").isTrue();
        assertThat(backtestError).as("a backtest error example (with seq)").isTrue();
        assertThat(Files.readString(PAGE)).contains("{\"type\":\"ping\"}");
    }

    @Test
    void everySchemaIsNamed() throws IOException {
        String page = Files.readString(PAGE);
        for (String resource : SchemaResources.all()) {
            assertThat(page).as(resource).contains(resource.substring(SchemaResources.ROOT.length()));
        }
    }
}

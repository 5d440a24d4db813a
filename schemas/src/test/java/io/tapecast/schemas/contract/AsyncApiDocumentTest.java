package io.tapecast.schemas.contract;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.SchemaResources;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml is the contract as published: it must parse, be AsyncAPI 3.0, name every message type the code
 * defines ({@link EventTypes}) with the schema the code uses for it ({@link SchemaResources}), cover every topic
 * ({@link Topics}), and every {@code $ref} in it must resolve (to the document itself or to a schema file).
 */
class AsyncApiDocumentTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path DOCUMENT = DOCS.resolve("asyncapi.yaml");
    /** Where the schema files are, seen from docs/. */
    static final String SCHEMAS_FROM_DOCS = "../schemas/src/main/resources/schemas/";

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        doc = YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
    }

    static Set<String> eventTypes() {
        Set<String> types = new TreeSet<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && field.getType() == String.class) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }

    /** components.messages key → (name, resource of its payload schema or null). */
    private static Map<String, String[]> messages() {
        Map<String, String[]> messages = new HashMap<>();
        doc.path("components").path("messages").properties().forEach(e -> {
            String ref = e.getValue().path("payload").path("schema").path("$ref").asString(null);
            messages.put(e.getKey(), new String[]{e.getValue().path("name").asString(null), ref == null ? null : resource(ref)});
        });
        return messages;
    }

    private static String resource(String ref) {
        String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        assertThat(file).as(ref).startsWith(SCHEMAS_FROM_DOCS);
        return SchemaResources.ROOT + file.substring(SCHEMAS_FROM_DOCS.length());
    }

    @Test
    void isAnAsyncApi3DocumentWhoseMajorVersionIsTheSchemaMajor() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asString()).isNotBlank();
        assertThat(doc.path("info").path("version").asString()).startsWith(SchemaEvolutionTest.CONTRACT_MAJOR + ".");
        assertThat(doc.path("channels").size()).isPositive();
        assertThat(doc.path("operations").size()).isPositive();
    }

    @Test
    void everyMessageTypeOfTheCodeIsAMessage() {
        Set<String> names = new HashSet<>();
        messages().values().forEach(m -> names.add(m[0]));
        assertThat(names).containsAll(eventTypes());
    }

    @Test
    void everySchemaOfTheContractIsReferenced() {
        Set<String> referenced = new HashSet<>();
        messages().values().forEach(m -> {
            if (m[1] != null) {
                referenced.add(m[1]);
            }
        });
        assertThat(referenced).containsAll(SchemaResources.all());
    }

    @Test
    void eachEventMessageUsesTheSchemaTheCodeUsesForItsType() {
        for (String[] message : messages().values()) {
            String type = message[0];
            String resource = message[1];
            if (resource == null || !eventTypes().contains(type)) {
                continue;
            }
            Set<String> allowed = new HashSet<>();
            for (StreamType stream : StreamType.values()) {
                if (SchemaResources.hasEventSchema(stream, type)) {
                    allowed.add(SchemaResources.forMessage(stream, type));
                }
            }
            if (SchemaResources.gatewayTypes().contains(type)) {
                allowed.add(SchemaResources.forGatewayMessage(type));
            }
            assertThat(allowed).as("schema of message '" + type + "'").contains(resource);
        }
    }

    @Test
    void everyWebSocketChannelCarriesItsStreamsTypesAndTheGatewayMessages() {
        Map<String, StreamType> channels = Map.of(
                "backtestStream", StreamType.BACKTEST,
                "marketDataStream", StreamType.MARKET_DATA,
                "liveTradingStream", StreamType.LIVE_TRADING);
        Map<String, String[]> messages = messages();
        channels.forEach((channel, stream) -> {
            Set<String> names = new HashSet<>();
            doc.path("channels").path(channel).path("messages").forEach(ref -> {
                String key = ref.path("$ref").asString().substring("#/components/messages/".length());
                names.add(messages.get(key)[0]);
            });
            Set<String> expected = new HashSet<>(SchemaResources.gatewayTypes());
            expected.add(EventTypes.PING);
            for (String type : eventTypes()) {
                if (SchemaResources.hasEventSchema(stream, type)) {
                    expected.add(type);
                }
            }
            assertThat(names).as(channel).containsAll(expected);
        });
    }

    @Test
    void everyTopicIsAChannel() {
        Set<String> addresses = new HashSet<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asString()));
        assertThat(addresses).contains(Topics.BACKTEST_REQUESTS, Topics.BACKTEST_CONTROL, Topics.BACKTEST_EVENTS,
                Topics.BACKTEST_STATUS, Topics.MARKET_EVENTS, Topics.TRADING_EVENTS);
    }

    @Test
    void everyReferenceResolves() throws IOException {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        JsonMapper json = JsonMapper.builder().build();
        for (String ref : refs) {
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            JsonNode target;
            if (file.isEmpty()) {
                target = doc;
            } else {
                Path path = DOCS.resolve(file).normalize();
                assertThat(path).as(ref).isRegularFile();
                target = json.readTree(Files.readString(path));
            }
            assertThat(target.at(pointer).isMissingNode()).as("$ref " + ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}

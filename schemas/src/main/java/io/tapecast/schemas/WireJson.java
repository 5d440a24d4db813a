package io.tapecast.schemas;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper every writer and reader of the wire contract uses. Field names come from the records'
 * own annotations (snake_case), timestamps are ISO-8601 strings in UTC, and unknown fields are
 * tolerated so readers survive additive changes of the contract.
 */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}

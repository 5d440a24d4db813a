package io.tapecast.gateway.stream;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every stream answers to a client's text frame: {@code {"type":"ping"}} gets {@code pong}; anything else an
 * {@code error} ({@code BAD_FRAME} when it is not a JSON object with a type, {@code UNSUPPORTED_TYPE} otherwise), and
 * the session stays open.
 */
final class ClientFrames {

    private ClientFrames() {
    }

    static Payload answer(String frame) {
        String type = null;
        try {
            JsonNode node = WireJson.mapper().readTree(frame);
            if (node != null && node.isObject() && node.path("type").isString()) {
                type = node.path("type").asString();
            }
        } catch (JacksonException e) {
            // not JSON: answered as a bad frame
        }
        if (EventTypes.PING.equals(type)) {
            return new Pong();
        }
        return type == null
                ? new GatewayError("BAD_FRAME", "frames must be JSON objects with a type")
                : new GatewayError("UNSUPPORTED_TYPE", "unsupported message type '" + type + "'; only ping is accepted");
    }
}

package io.tapecast.cli;

import tools.jackson.databind.JsonNode;

/** The fallback line for a message type this client does not know: {@code seq type  key=value …}. */
final class GenericLines {

    private GenericLines() {
    }

    static String line(StreamClient.Frame frame, Style style) {
        if (frame.message() == null) {
            return style.dim("(not JSON) ") + frame.text();
        }
        JsonNode message = frame.message();
        String prefix = frame.hasSeq() ? "#" + frame.seq() + " " : "";
        return style.dim(prefix) + style.bold(frame.type()) + "  " + Fmt.fields(message.path("data"));
    }
}

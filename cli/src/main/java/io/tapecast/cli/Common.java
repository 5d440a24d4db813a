package io.tapecast.cli;

import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Locale;

/** Options every command takes (a picocli mixin). */
final class Common {

    enum ColorMode { auto, always, never }

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:TAPECAST_URL:-http://localhost:8080}",
            description = "Gateway base URL (default: $TAPECAST_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "JWT", defaultValue = "${env:TAPECAST_TOKEN:-}",
            description = "Bearer token (default: $TAPECAST_TOKEN). REST: Authorization header; WebSocket: see --ws-auth.")
    String token;

    @Option(names = "--ws-auth", paramLabel = "HOW", defaultValue = "header",
            description = "How the token travels on the WebSocket handshake: header (Authorization: Bearer), "
                    + "query (access_token=), protocol (Sec-WebSocket-Protocol: bearer, <token>). Default: ${DEFAULT-VALUE}.")
    StreamClient.WsAuth wsAuth;

    @Option(names = "--json", description = "Raw output: each message (envelope) exactly as received, one per line, for jq.")
    boolean json;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "ANSI colours: auto (only on a terminal, and not with $NO_COLOR), always, never.")
    ColorMode color;

    @Option(names = "--no-color", description = "Same as --color=never.")
    boolean noColor;

    URI baseUri() {
        String base = url.strip();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            base = "http://" + base;
        }
        return URI.create(base + "/");
    }

    /** ws(s)://host:port/ for the same base. */
    String wsBase() {
        String base = baseUri().toString();
        return (base.startsWith("https://") ? "wss://" + base.substring(8) : "ws://" + base.substring(7));
    }

    boolean colors(boolean terminal) {
        if (noColor || color == ColorMode.never) {
            return false;
        }
        if (color == ColorMode.always) {
            return true;
        }
        String noColorEnv = System.getenv("NO_COLOR");
        return terminal && (noColorEnv == null || noColorEnv.isEmpty());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

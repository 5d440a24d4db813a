package io.tapecast.gateway.start;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The ws:// (or wss://) URL of a run's stream on the host and port the client used for this request. */
public final class StreamUrls {

    private StreamUrls() {
    }

    public static String forBacktest(String backtestId) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String ws = base.startsWith("https:") ? "wss:" + base.substring("https:".length())
                : "ws:" + base.substring(base.indexOf(':') + 1);
        return ws + "/api/ws/stream/backtest/" + backtestId;
    }
}

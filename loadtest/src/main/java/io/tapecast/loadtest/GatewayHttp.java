package io.tapecast.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The gateway's REST API, as far as the tool needs it. */
final class GatewayHttp {

    private GatewayHttp() {
    }

    /** Polls {@code GET /api/backtesting/{id}} until the gateway's status index shows the run in {@code state}. */
    static void awaitState(String gateway, String streamId, String state, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(strip(gateway) + "/api/backtesting/" + URLEncoder.encode(streamId, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && (r.body().contains("\"status\":\"" + state + "\"")
                        || r.body().contains("\"state\":\"" + state + "\""))) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway did not show " + streamId + " as " + state + " within " + timeout + ": " + last);
    }

    static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static URI streamUri(String gateway, String streamId, long fromSeq) {
        return URI.create(strip(gateway).replaceFirst("^http", "ws") + "/api/ws/stream/backtest/" + streamId
                + (fromSeq > 0 ? "?from_seq=" + fromSeq : ""));
    }
}

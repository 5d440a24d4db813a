package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls against a running gateway. */
final class RestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    RestClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Starts a run and returns the 202 body. */
    JsonNode start(String json) {
        Response response = post("/api/backtesting/start", json);
        if (response.status() != 202) {
            throw new AssertionError("start answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return WireJson.mapper().readTree(body);
        }
    }
}

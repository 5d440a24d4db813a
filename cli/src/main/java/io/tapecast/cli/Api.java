package io.tapecast.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The gateway's REST API, with {@code Authorization: Bearer <token>} when a token is given. */
final class Api {

    /** A non-2xx answer; {@code problem} is the RFC 9457 body when there is one. */
    static final class ApiException extends Exception {
        final int status;
        final JsonNode problem;

        ApiException(int status, JsonNode problem, String message) {
            super(message);
            this.status = status;
            this.problem = problem;
        }
    }

    /** An answer and its raw body (printed as is with {@code --json}). */
    record Answer(int status, String body, JsonNode json) {
    }

    private final HttpClient http;
    private final URI base;
    private final String token;

    Api(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    Answer startBacktest(String body) throws ApiException, IOException, InterruptedException {
        return send(request("/api/backtesting/start")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer run(String id) throws ApiException, IOException, InterruptedException {
        return send(request("/api/backtesting/" + encode(id)).GET());
    }

    Answer runs(Map<String, String> query) throws ApiException, IOException, InterruptedException {
        return send(request("/api/backtesting" + queryString(query)).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) throws ApiException, IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body() == null || response.body().isBlank() ? null : StreamClient.JSON.readTree(response.body());
        } catch (JacksonException e) {
            // not JSON: keep the raw body for the message
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(response.statusCode(), json, describe(response.statusCode(), json, response.body()));
        }
        return new Answer(response.statusCode(), response.body(), json);
    }

    /** "HTTP 400 Invalid request: The request has 2 invalid field(s).\n  end_date: must be after start_date". */
    static String describe(int status, JsonNode problem, String body) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (problem != null && problem.isObject()) {
            String title = problem.path("title").asString("");
            String detail = problem.path("detail").asString("");
            if (!title.isBlank()) {
                text.append(' ').append(title);
            }
            if (!detail.isBlank()) {
                text.append(": ").append(detail);
            }
            for (JsonNode error : problem.path("errors")) {
                text.append(System.lineSeparator()).append("  ")
                        .append(error.path("field").asString("?")).append(": ")
                        .append(error.path("message").asString(""));
            }
        } else if (body != null && !body.isBlank()) {
            text.append(": ").append(body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return text.toString();
    }

    static String queryString(Map<String, String> query) {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        new LinkedHashMap<>(query).forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                joiner.add(encode(key) + "=" + encode(value));
            }
        });
        return joiner.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

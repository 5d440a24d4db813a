package io.tapecast.cluster.drill;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * REST calls of the drills, through any gateway (or the load balancer). When the cluster runs with a JWT secret, each
 * call carries an HS256 token minted for the drill user with the admin role.
 */
final class Api {

    private final HttpClient http;
    private final String token;

    Api(HttpClient http, String hmacSecret) {
        this.http = http;
        this.token = hmacSecret == null || hmacSecret.isBlank() ? null : mint(hmacSecret, "drill", Duration.ofHours(6));
    }

    String token() {
        return token;
    }

    /** Starts a run; retries on another endpoint when one is down. Returns the backtest id. */
    String start(List<URI> endpoints, String body) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            URI base = endpoints.get(attempt % endpoints.size());
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/backtesting/start"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                authorize(request);
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return WireJson.mapper().readTree(response.body()).get("backtest_id").asString();
                }
                last = new IllegalStateException("start: " + response.statusCode() + " " + response.body());
            } catch (IOException e) {
                last = new IllegalStateException("start via " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw last;
    }

    /** The run's status as the gateway shows it, or null when the endpoint does not answer. */
    JsonNode status(URI base, String id) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/backtesting/" + id))
                    .timeout(Duration.ofSeconds(10)).GET();
            authorize(request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? WireJson.mapper().readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void authorize(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
    }

    static String mint(String secret, String subject, Duration ttl) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"roles\":[\"admin\"],\"iat\":" + now
                + ",\"exp\":" + (now + ttl.toSeconds()) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] key = secret.startsWith("base64:") ? Base64.getDecoder().decode(secret.substring(7))
                : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
            return header + "." + claims + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

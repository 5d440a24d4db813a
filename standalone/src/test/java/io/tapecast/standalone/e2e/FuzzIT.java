package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded property test: thousands of malformed bodies, query values, tokens and WebSocket frames — bad JSON, huge
 * strings, deep nesting, wrong types, control characters, invalid UTF-8, binary and oversized frames. Properties:
 * never a 5xx, every REST error a problem+json without internals, every WebSocket answer a documented message or
 * close code, and another client's session is untouched. A failure names the seed and the case to replay it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final int REST_CASES = Integer.getInteger("fuzz.rest-cases", 1000);
    private static final int FRAME_CASES = Integer.getInteger("fuzz.frame-cases", 1500);
    private static final Set<Integer> REST_STATUSES = Set.of(200, 202, 400, 401, 403, 404, 405, 409, 413, 415, 429);
    /** The gateway's default {@code tapecast.limits.max-frame-bytes}: larger frames are refused in mid-frame. */
    private static final int MAX_FRAME_BYTES = 16_384;

    /** 1003 binary frame, 1007 invalid UTF-8, 1009 too large, 4429 too many messages. */
    private static final Set<Integer> CLOSE_CODES = Set.of(1003, 1007, 1009, 4429);
    private static final String TOKEN = Tokens.user("fuzzer").roles("admin").hs256();
    private static final String[] FIELDS = {"name", "symbol", "timeframes", "start_date", "end_date", "strategy_ids", "params",
            "initial_capital", "fee_bps", "slippage_bps", "position_size", "whole_units", "fill", "close_at_end",
            "periods_per_year", "risk_free_rate", "type", "owner", "\u0000", ""};

    private static SecuredPlatform gateway;
    private static String run;

    @BeforeAll
    static void start() throws Exception {
        gateway = SecuredPlatform.gatewayOnly(
                "--tapecast.limits.handshakes-per-ip-per-second=100000",
                "--tapecast.limits.messages-per-connection-per-second=100000",
                "--tapecast.limits.starts-per-user-per-minute=100000");
        run = gateway.parkedRun("fuzzer");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.http().get("/api/backtesting/" + run, Http.bearer(TOKEN)).toString()).startsWith("200"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void malformedRestCallsGetDocumentedErrorsNeverA5xx() {
        Random random = new Random(SEED);
        Http http = gateway.http();
        String base = "http://127.0.0.1:" + gateway.port();
        for (int i = 0; i < REST_CASES; i++) {
            String what;
            Http.Response response;
            int kind = random.nextInt(10);
            if (kind < 6) {
                String body = body(random);
                what = "POST start " + abbreviate(body);
                String contentType = random.nextInt(5) == 0 ? pick(random, "text/plain", "application/xml", "", "application/json; charset=latin1")
                        : "application/json";
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/backtesting/start"))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (!contentType.isEmpty()) {
                    request.header("Content-Type", contentType);
                }
                response = http.send(request, Http.bearer(TOKEN));
            } else if (kind < 8) {
                String path = "/api/backtesting?status=" + enc(text(random, 40)) + "&page=" + enc(text(random, 12))
                        + "&size=" + enc(text(random, 12)) + "&owner=" + enc(text(random, 20));
                what = "GET " + path;
                response = http.get(path, Http.bearer(TOKEN));
            } else if (kind < 9) {
                String path = "/api/backtesting/" + safeSegment(random) + pick(random, "", "/cancel", "/pause", "/resume", "/x");
                what = "POST/GET " + path;
                response = random.nextBoolean() ? http.get(path, Http.bearer(TOKEN)) : http.post(path, body(random), Http.bearer(TOKEN));
            } else {
                String token = printable(random, random.nextInt(300));
                what = "token " + abbreviate(token);
                response = http.get("/api/backtesting", "Authorization", pick(random, "Bearer ", "bearer ", "Basic ", "") + token);
            }
            String failure = "seed " + SEED + " case " + i + ": " + what + " -> " + abbreviate(response.toString());
            assertThat(response.status()).as(failure).isIn(REST_STATUSES);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(failure).startsWith("application/problem+json");
                JsonNode problem = response.json();
                assertThat(problem.path("status").asInt()).as(failure).isEqualTo(response.status());
                assertThat(problem.path("type").asString()).as(failure).startsWith("https://tapecast.io/problems/");
                assertThat(response.body()).as(failure).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("tools.jackson");
            }
        }
    }

    @Test
    void malformedFramesGetDocumentedAnswersAndAnotherClientsSessionIsUntouched() {
        Random random = new Random(SEED + 1);
        String path = "/api/ws/stream/backtest/" + run;
        try (RawHandshake victim = RawHandshake.open("127.0.0.60", gateway.port(), path, "Authorization", "Bearer " + TOKEN)) {
            assertThat(victim.status).isEqualTo(101);
            assertThat(victim.read(1, Duration.ofSeconds(30)).texts()).hasSize(1);
            RawHandshake fuzzer = openFuzzer(path);
            int closes = 0;
            try {
                for (int i = 0; i < FRAME_CASES; i++) {
                    int kind = random.nextInt(20);
                    String what;
                    boolean overFrameLimit = false;
                    if (kind < 15) {
                        String text = random.nextInt(4) == 0 ? frameLike(random) : body(random);
                        what = "text " + abbreviate(text);
                        overFrameLimit = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
                        fuzzer.sendText(text);
                    } else if (kind < 17) {
                        byte[] bytes = new byte[1 + random.nextInt(64)];
                        random.nextBytes(bytes);
                        bytes[0] = (byte) 0xC3; // a lead byte followed by anything: rarely valid UTF-8
                        bytes[bytes.length - 1] = (byte) 0xFF; // never valid UTF-8
                        what = "invalid UTF-8";
                        fuzzer.sendFrame(1, bytes);
                    } else if (kind < 19) {
                        byte[] bytes = new byte[random.nextInt(256)];
                        random.nextBytes(bytes);
                        what = "binary";
                        fuzzer.sendFrame(2, bytes);
                    } else {
                        what = "oversized";
                        fuzzer.sendText("{\"type\":\"ping\",\"pad\":\"" + "y".repeat(17_000 + random.nextInt(20_000)) + "\"}");
                    }
                    RawHandshake.Transcript answer = fuzzer.read(1, Duration.ofSeconds(10));
                    String failure = "seed " + (SEED + 1) + " case " + i + ": " + what + " -> " + answer;
                    if (answer.texts().isEmpty()) {
                        if ((what.equals("oversized") || what.equals("invalid UTF-8") || overFrameLimit) && answer.closeCode() == -1) {
                            // The server answered 1009 (1007) and closed while bytes of the frame were still unread on
                            // its side: TCP then resets the connection, which can discard the close frame before the
                            // client reads it. Only these two frames are refused in mid-frame; nothing else may do this.
                            closes++;
                            fuzzer.close();
                            fuzzer = openFuzzer(path);
                            continue;
                        }
                        assertThat(answer.closeCode()).as(failure).isIn(CLOSE_CODES);
                        closes++;
                        fuzzer.close();
                        fuzzer = openFuzzer(path);
                    } else {
                        JsonNode message = WireJson.mapper().readTree(answer.texts().get(0));
                        String type = message.path("type").asString();
                        assertThat(type).as(failure).isIn("pong", "error");
                        if ("error".equals(type)) {
                            assertThat(message.path("data").path("code").asString()).as(failure).isIn("BAD_FRAME", "UNSUPPORTED_TYPE");
                        }
                        assertThat(message.has("seq")).as(failure).isFalse();
                    }
                }
            } finally {
                fuzzer.close();
            }
            assertThat(closes).isPositive();
            victim.sendText("{\"type\":\"ping\"}");
            RawHandshake.Transcript pong = victim.read(1, Duration.ofSeconds(10));
            assertThat(pong.closeCode()).isZero();
            assertThat(pong.texts()).hasSize(1).allMatch(t -> t.contains("\"pong\""));
        }
    }

    private static RawHandshake openFuzzer(String path) {
        RawHandshake fuzzer = RawHandshake.open("127.0.0.61", gateway.port(), path, "Authorization", "Bearer " + TOKEN);
        assertThat(fuzzer.status).isEqualTo(101);
        assertThat(fuzzer.read(1, Duration.ofSeconds(30)).texts()).hasSize(1); // connected
        return fuzzer;
    }

    // --- generators -----------------------------------------------------------------------------------------------

    /** A JSON-ish body: mostly objects with real and unknown fields of every type, sometimes garbage. */
    static String body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> text(random, random.nextInt(200));
            case 1 -> "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
            case 2 -> "{\"a\":".repeat(1 + random.nextInt(2000)) + "1" + "}".repeat(random.nextInt(2000));
            case 3 -> "{\"name\":\"" + "z".repeat(random.nextInt(60_000)) + "\"}";
            case 4 -> pick(random, "", "null", "true", "0", "\"\"", "[]", "{}", "{", "}", "{\"symbol\":}", "{\"symbol\" \"x\"}",
                    "{'symbol':'BTC-USD'}", "NaN", "1e999999", "{\"initial_capital\":1e999999}", "\uFEFF{}");
            case 5 -> {
                String whole = object(random, 0);
                yield whole.substring(0, Math.max(1, random.nextInt(whole.length() + 1))); // truncated
            }
            default -> object(random, 0);
        };
    }

    /** Frames close to what a client sends: type ping or others, wrong types, extra fields. */
    static String frameLike(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"type\":\"ping\"}";
            case 1 -> "{\"type\":" + value(random, 2) + "}";
            case 2 -> "{\"type\":\"" + printable(random, random.nextInt(40)) .replace("\"", "") .replace("\\", "") + "\"}";
            case 3 -> "{\"type\":\"ping\",\"x\":" + value(random, 0) + "}";
            default -> value(random, 0);
        };
    }

    private static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(8);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            json.append(quote(random.nextInt(4) == 0 ? text(random, 10) : FIELDS[random.nextInt(FIELDS.length)]))
                    .append(':').append(value(random, depth + 1));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(6) : random.nextInt(9);
        return switch (kind) {
            case 0 -> quote(text(random, random.nextInt(30)));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> pick(random, "1e308", "-1e308", "0.0000001", "-0", "1.5", "99999999999999999999999", "-1", "0");
            case 3 -> pick(random, "true", "false", "null");
            case 4 -> quote(pick(random, "BTC-USD", "1h", "2024-01-01", "2024-13-45", "sma-crossover", "close", "next_open", ""));
            case 5 -> quote("\u0000\u0001\u001f\u007f\u2028\uD83D\uDE00");
            case 6 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            case 7 -> object(random, depth + 1);
            default -> "[]";
        };
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append((char) (kind < 6 ? 32 + random.nextInt(95) : kind < 8 ? random.nextInt(32) : 0x80 + random.nextInt(0x2000)));
        }
        return text.toString();
    }

    private static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (33 + random.nextInt(94)));
        }
        return text.toString();
    }

    private static String safeSegment(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-.~ABC";
        StringBuilder segment = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 40);
        for (int i = 0; i < length; i++) {
            segment.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = segment.toString();
        return s.equals(".") || s.equals("..") ? "x" + s : s;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }

}

package io.tapecast.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * One logical subscription to a Tapecast stream, over as many WebSocket connections as it takes: after a dropped
 * connection (or a close that says "resume": 1001, 4408, 4410, 4500, …) it reconnects by itself with
 * {@code from_seq} = the highest seq received, and drops any seq it already has. It stops on a normal close (1000,
 * after {@code complete} or {@code error}), on an answer that retrying cannot change (4404 unknown id, 4400 bad
 * request, 4401/4403 not allowed, or the same as an HTTP status on the handshake), when the handler says so, or
 * after {@code maxRetries} connection attempts in a row that delivered nothing.
 */
final class StreamClient {

    /** A text frame as received and its parse ({@code null} when it is not JSON). */
    record Frame(String text, JsonNode message) {

        String type() {
            return message == null ? "" : message.path("type").asString("");
        }

        boolean hasSeq() {
            return message != null && message.hasNonNull("seq");
        }

        long seq() {
            return message == null ? -1 : message.path("seq").asLong(-1);
        }

        JsonNode data() {
            return message == null ? null : message.path("data");
        }
    }

    /** Receives the stream's messages in order, each seq once. */
    interface Handler {
        /** @return false to stop the subscription (e.g. a message limit was reached) */
        boolean onMessage(Frame frame) throws InterruptedException;
    }

    /** How the subscription ended. */
    enum Outcome {
        /** a backtest {@code complete} event */
        COMPLETED,
        /** a stream {@code error} event (one with a seq): the run failed */
        FAILED,
        /** closed normally (1000) without a terminal event, or stopped by the handler */
        ENDED,
        /** 4404, or a 404 answer to the handshake */
        NOT_FOUND,
        /** 4400, 4401, 4403, 1008, 1009 or a 4xx answer to the handshake: retrying cannot help */
        REFUSED,
        /** {@code maxRetries} connection attempts in a row delivered nothing */
        GAVE_UP
    }

    record Result(Outcome outcome, int closeCode, String reason, long lastSeq, int reconnects) {

        int exitCode() {
            return switch (outcome) {
                case COMPLETED, ENDED -> ExitCodes.OK;
                case FAILED -> ExitCodes.FAILED;
                case NOT_FOUND -> ExitCodes.NOT_FOUND;
                case REFUSED, GAVE_UP -> ExitCodes.CONNECTION;
            };
        }
    }

    /** How a token travels on the WebSocket handshake. */
    enum WsAuth { header, query, protocol }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String token;
    private final WsAuth auth;
    private final int maxRetries;
    private final Duration idleTimeout;
    private final PrintStream notices;

    StreamClient(HttpClient http, String token, WsAuth auth, int maxRetries, Duration idleTimeout, PrintStream notices) {
        this.http = http;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.auth = auth;
        this.maxRetries = maxRetries;
        this.idleTimeout = idleTimeout;
        this.notices = notices;
    }

    /**
     * Subscribes and blocks until the subscription ends.
     *
     * @param urlAfter the stream URL for a connection that wants the events after this seq (0 = from the start);
     *                 a stream without resume ignores it
     * @param fromSeq  the seq the caller already has
     */
    Result run(LongFunction<URI> urlAfter, long fromSeq, Handler handler) throws InterruptedException {
        long lastSeq = fromSeq;
        int failuresInARow = 0;
        int reconnects = 0;
        int lastCode = -1;
        String lastReason = "";
        while (true) {
            if (failuresInARow > 0) {
                if (failuresInARow > maxRetries) {
                    return new Result(Outcome.GAVE_UP, lastCode, lastReason, lastSeq, reconnects);
                }
                long backoff = Math.min(5_000L, 250L << Math.min(failuresInARow - 1, 5));
                notices.println("reconnecting in " + backoff + " ms with from_seq=" + lastSeq
                        + " (attempt " + failuresInARow + " of " + maxRetries + ")");
                Thread.sleep(backoff);
                reconnects++;
            }
            URI uri = withAuth(urlAfter.apply(lastSeq));
            BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
            WebSocket socket;
            try {
                socket = connect(uri, queue);
            } catch (WebSocketHandshakeException e) {
                int status = e.getResponse().statusCode();
                lastCode = status;
                lastReason = "HTTP " + status + " on the handshake";
                if (status == 404) {
                    return new Result(Outcome.NOT_FOUND, status, lastReason, lastSeq, reconnects);
                }
                if (status >= 400 && status < 500 && status != 408 && status != 429) {
                    return new Result(Outcome.REFUSED, status, lastReason, lastSeq, reconnects);
                }
                notices.println("connection refused: " + lastReason);
                failuresInARow++;
                continue;
            } catch (ConnectFailure e) {
                lastCode = -1;
                lastReason = e.getMessage();
                notices.println("cannot connect to " + redact(uri) + ": " + e.getMessage());
                failuresInARow++;
                continue;
            }

            boolean delivered = false;
            Outcome terminal = null;
            try {
                while (true) {
                    Item item = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (item == null) {
                        lastCode = -1;
                        lastReason = "nothing heard for " + idleTimeout.toSeconds() + " s";
                        notices.println("connection silent for " + idleTimeout.toSeconds() + " s; dropping it");
                        socket.abort();
                        break;
                    }
                    if (item instanceof Alive) {
                        continue;
                    }
                    if (item instanceof Text text) {
                        Frame frame = parse(text.text());
                        if (frame.hasSeq()) {
                            long seq = frame.seq();
                            if (seq <= lastSeq) {
                                continue; // already delivered before a reconnect
                            }
                            lastSeq = seq;
                            delivered = true;
                            if ("complete".equals(frame.type())) {
                                terminal = Outcome.COMPLETED;
                            } else if ("error".equals(frame.type())) {
                                terminal = Outcome.FAILED;
                            }
                        }
                        if (!handler.onMessage(frame)) {
                            close(socket);
                            return new Result(terminal != null ? terminal : Outcome.ENDED, 1000, "stopped", lastSeq, reconnects);
                        }
                        continue;
                    }
                    if (item instanceof Closed closed) {
                        lastCode = closed.code();
                        lastReason = closed.reason();
                        if (terminal != null) {
                            return new Result(terminal, closed.code(), closed.reason(), lastSeq, reconnects);
                        }
                        switch (closed.code()) {
                            case 1000:
                                return new Result(Outcome.ENDED, 1000, closed.reason(), lastSeq, reconnects);
                            case 4404:
                                return new Result(Outcome.NOT_FOUND, 4404, closed.reason(), lastSeq, reconnects);
                            case 4400, 4401, 4403, 1008, 1009:
                                return new Result(Outcome.REFUSED, closed.code(), closed.reason(), lastSeq, reconnects);
                            case 1006:
                                notices.println("connection dropped (1006: closed without a close frame)");
                                break;
                            default:
                                notices.println("connection closed: " + closed.code()
                                        + (closed.reason().isBlank() ? "" : " " + closed.reason()));
                        }
                        break;
                    }
                    if (item instanceof Failed failed) {
                        if (terminal != null) {
                            return new Result(terminal, -1, "connection dropped after the end", lastSeq, reconnects);
                        }
                        lastCode = -1;
                        lastReason = String.valueOf(failed.error());
                        notices.println("connection dropped: " + describe(failed.error()));
                        break;
                    }
                }
            } catch (InterruptedException e) {
                socket.abort();
                throw e;
            }
            socket.abort();
            failuresInARow = delivered ? 1 : failuresInARow + 1;
        }
    }

    private WebSocket connect(URI uri, BlockingQueue<Item> queue) throws WebSocketHandshakeException, ConnectFailure,
            InterruptedException {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null && auth == WsAuth.header) {
            builder.header("Authorization", "Bearer " + token);
        } else if (token != null && auth == WsAuth.protocol) {
            builder.subprotocols("bearer", token);
        }
        try {
            return builder.buildAsync(uri, new Listener(queue)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                throw handshake;
            }
            throw new ConnectFailure(describe(cause));
        } catch (TimeoutException e) {
            throw new ConnectFailure("handshake timed out");
        }
    }

    private URI withAuth(URI uri) {
        if (token == null || auth != WsAuth.query) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + "access_token="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String redact(URI uri) {
        return uri.toString().replaceAll("access_token=[^&]*", "access_token=***");
    }

    private static void close(WebSocket socket) {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
        socket.abort();
    }

    static Frame parse(String text) {
        try {
            return new Frame(text, JSON.readTree(text));
        } catch (JacksonException e) {
            return new Frame(text, null);
        }
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static final class ConnectFailure extends Exception {
        ConnectFailure(String message) {
            super(message);
        }
    }

    private sealed interface Item permits Text, Closed, Failed, Alive {
    }

    private record Text(String text) implements Item {
    }

    private record Closed(int code, String reason) implements Item {
    }

    private record Failed(Throwable error) implements Item {
    }

    /** A ping from the server: the connection is alive even when no data flows. */
    private record Alive() implements Item {
    }

    /** Assembles text frames and hands every event to the queue; the JDK answers pings itself. */
    private static final class Listener implements WebSocket.Listener {

        private final BlockingQueue<Item> queue;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Item> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(new Text(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            queue.add(new Alive());
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            queue.add(new Closed(statusCode, reason == null ? "" : reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            queue.add(new Failed(error));
        }
    }
}

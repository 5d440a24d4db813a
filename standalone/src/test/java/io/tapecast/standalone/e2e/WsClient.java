package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client (the JDK's) that records every text frame and the close code. */
final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(String url) {
        this.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new Listener())
                .orTimeout(15, TimeUnit.SECONDS)
                .join();
    }

    static WsClient connect(String url) {
        return new WsClient(url);
    }

    /** Every text frame received so far. */
    List<String> frames() {
        return List.copyOf(frames);
    }

    List<JsonNode> messages() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String frame : frames) {
            parsed.add(WireJson.mapper().readTree(frame));
        }
        return parsed;
    }

    /** Frames of stream events (those with a seq), in arrival order. */
    List<String> eventFrames() {
        return frames.stream().filter(f -> WireJson.mapper().readTree(f).has("seq")).toList();
    }

    int awaitClose(Duration timeout) {
        return closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    void awaitFrame(Predicate<JsonNode> match, Duration timeout) {
        await().atMost(timeout).until(() -> messages().stream().anyMatch(match));
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}

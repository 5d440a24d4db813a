package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The JDK WebSocket client with headers and subprotocols: either an open session (frames, close code, the chosen
 * subprotocol) or the HTTP status with which the handshake was refused.
 */
final class SecureWs implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int refusedStatus;
    private final WebSocket socket;
    private final List<String> frames;
    private final CompletableFuture<Integer> closeCode;

    private SecureWs(int refusedStatus, WebSocket socket, List<String> frames, CompletableFuture<Integer> closeCode) {
        this.refusedStatus = refusedStatus;
        this.socket = socket;
        this.frames = frames;
        this.closeCode = closeCode;
    }

    static SecureWs connect(String url, List<String> headers, String... subprotocols) {
        return connect(HTTP, url, headers, subprotocols);
    }

    static SecureWs connect(SSLContext ssl, String url) {
        return connect(HttpClient.newBuilder().sslContext(ssl).build(), url, List.of());
    }

    static SecureWs connect(HttpClient client, String url, List<String> headers, String... subprotocols) {
        List<String> frames = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            WebSocket socket = builder.buildAsync(URI.create(url), new Listener(frames, closeCode))
                    .orTimeout(15, TimeUnit.SECONDS).join();
            return new SecureWs(0, socket, frames, closeCode);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return new SecureWs(refused.getResponse().statusCode(), null, frames, closeCode);
            }
            throw e;
        }
    }

    boolean opened() {
        return socket != null;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    List<JsonNode> messages() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String frame : frames) {
            parsed.add(WireJson.mapper().readTree(frame));
        }
        return parsed;
    }

    void awaitFrame(Predicate<JsonNode> match, Duration timeout) {
        await().atMost(timeout).until(() -> messages().stream().anyMatch(match));
    }

    int awaitClose(Duration timeout) {
        return closeCode.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (socket != null) {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final List<String> frames;
        private final CompletableFuture<Integer> closeCode;
        private final StringBuilder partial = new StringBuilder();

        Listener(List<String> frames, CompletableFuture<Integer> closeCode) {
            this.frames = frames;
            this.closeCode = closeCode;
        }

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

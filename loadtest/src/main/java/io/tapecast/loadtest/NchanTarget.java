package io.tapecast.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * nchan (nginx + libnginx-mod-nchan, configured by {@code nchan-config}): the same envelope bytes are POSTed to
 * {@code /pub/<channel>} and pushed to WebSocket subscribers of {@code /sub/<channel>}. At most
 * {@code inFlight} publish requests are outstanding (HTTP/1.1 keep-alive connections), at most one per channel.
 * With {@code viaWebSocket} each channel instead has one publisher WebSocket on the same {@code /pub/<channel>}
 * location and every message is one text frame (no request/response round trip per message).
 */
final class NchanTarget implements Target {

    private final String base;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

    private final boolean viaWebSocket;
    private final Map<String, WebSocket> publishers = new HashMap<>();

    NchanTarget(String base, int maxInFlight, boolean viaWebSocket) {
        this.viaWebSocket = viaWebSocket;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public String name() {
        return "nchan";
    }

    @Override
    public long prepare(List<String> streamIds) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/pub/" + streamIds.get(0)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        // A GET on the publisher location answers the channel's info (404 when it has no messages yet, also fine).
        if (r.statusCode() >= 500) {
            throw new IllegalStateException("nchan at " + base + " answered " + r.statusCode() + ": " + r.body());
        }
        if (viaWebSocket) {
            // nchan's publisher location also takes a WebSocket: each text frame is one message, no round trip.
            for (String id : streamIds) {
                URI uri = URI.create(base.replaceFirst("^http", "ws") + "/pub/" + id);
                publishers.put(id, http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                }).get(30, TimeUnit.SECONDS));
            }
        }
        return 1;
    }

    @Override
    public URI subscribeUri(String streamId) {
        return URI.create(base.replaceFirst("^http", "ws") + "/sub/" + streamId);
    }

    @Override
    public boolean connectedOnOpen() {
        return true;
    }

    /**
     * One channel's publishes go one after another (the next POST starts when the previous one is answered), so
     * nchan receives each channel's messages in seq order; channels publish concurrently. The send timestamp is
     * the time the event was due, so time spent queued behind the channel's previous POST counts as latency.
     */
    @Override
    public void publish(String streamId, long seq) throws InterruptedException {
        inFlight.acquire();
        if (viaWebSocket) {
            WebSocket ws = publishers.get(streamId);
            byte[] body = Wire.progress(streamId, seq, Instant.now());
            CompletableFuture<?> previous = tails.getOrDefault(streamId, CompletableFuture.completedFuture(null));
            CompletableFuture<?> next = previous.handle((r, e) -> null)
                    .thenCompose(x -> ws.sendText(new String(body, java.nio.charset.StandardCharsets.UTF_8), true))
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (e != null) {
                            errors.incrementAndGet();
                        }
                    });
            tails.put(streamId, next);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/pub/" + streamId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.progress(streamId, seq, Instant.now())))
                .build();
        CompletableFuture<?> previous = tails.getOrDefault(streamId, CompletableFuture.completedFuture(null));
        CompletableFuture<?> next = previous.handle((r, e) -> null)
                .thenCompose(x -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .whenComplete((r, e) -> {
                    inFlight.release();
                    if (e != null || r.statusCode() >= 300) {
                        errors.incrementAndGet();
                    }
                });
        tails.put(streamId, next);
    }

    @Override
    public long flush() throws InterruptedException {
        if (inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            inFlight.release(maxInFlight);
        }
        return errors.get();
    }

    @Override
    public void finish(List<String> streamIds, long[] lastSeq) {
        // nothing to end: the tool closes its subscribers
    }

    @Override
    public void close() {
        publishers.values().forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }
}

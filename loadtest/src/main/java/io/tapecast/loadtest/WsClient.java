package io.tapecast.loadtest;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * One WebSocket client (the JDK's non-blocking {@code java.net.http.WebSocket}: no thread per connection). It
 * counts the events it receives, checks that their seqs go 1, 2, 3, … (a duplicate or a gap is an error), and
 * records the end-to-end latency of every event from {@code measureFromSeq} on: receive time minus the envelope's
 * send timestamp, both from this machine's wall clock. Callbacks of one socket never run concurrently, so the
 * per-client fields have a single writer.
 */
final class WsClient implements WebSocket.Listener {

    /** What all clients of one run share. */
    static final class Shared {
        final Latency latency = new Latency();
        final Latency connect = new Latency();
        final LongAdder measured = new LongAdder();
        final CountDownLatch connected;
        final boolean connectedOnOpen;
        final long measureFromSeq;

        Shared(int clients, boolean connectedOnOpen, long measureFromSeq) {
            this.connected = new CountDownLatch(clients);
            this.connectedOnOpen = connectedOnOpen;
            this.measureFromSeq = measureFromSeq;
        }
    }

    final String streamId;
    private final Shared shared;
    private final StringBuilder partial = new StringBuilder(0);
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile WebSocket socket;
    volatile long startNanos;
    volatile long connectedNanos;
    volatile long firstEventNanos;
    volatile long lastEventNanos;
    volatile long completeNanos;
    volatile long received;
    volatile long lastSeq;
    volatile long outOfOrder;
    volatile int closeCode = -1;
    volatile String closeReason;
    volatile Throwable error;
    private boolean connectedSeen;

    WsClient(String streamId, Shared shared) {
        this.streamId = streamId;
        this.shared = shared;
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    boolean isConnected() {
        return connectedNanos != 0;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(Long.MAX_VALUE);
        if (shared.connectedOnOpen) {
            markConnected();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
            return null;
        }
        if (partial.length() > 0) {
            partial.append(data);
            String whole = partial.toString();
            partial.setLength(0);
            onMessage(whole);
        } else {
            onMessage(data);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return onText(webSocket, StandardCharsets.UTF_8.decode(data), last);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable e) {
        error = e;
        closed.complete(-1);
    }

    void failedToOpen(Throwable e) {
        error = e;
        closed.complete(-1);
    }

    private void onMessage(CharSequence text) {
        long seq = Wire.seq(text);
        if (seq < 0) {
            if (!connectedSeen && Wire.isType(text, "connected")) {
                markConnected();
            }
            return;
        }
        long now = System.nanoTime();
        if (seq != lastSeq + 1) {
            outOfOrder++;
        }
        if (seq > lastSeq) {
            lastSeq = seq;
        }
        received++;
        if (firstEventNanos == 0) {
            firstEventNanos = now;
        }
        lastEventNanos = now;
        if (seq >= shared.measureFromSeq) {
            long sent = Wire.timestampMicros(text);
            if (sent != Long.MIN_VALUE) {
                shared.latency.recordMicros(Wire.nowMicros() - sent);
            }
            shared.measured.increment();
        }
        if (Wire.isType(text, "complete")) {
            completeNanos = now;
        }
    }

    private void markConnected() {
        if (connectedSeen) {
            return;
        }
        connectedSeen = true;
        connectedNanos = System.nanoTime();
        shared.connect.recordMicros((connectedNanos - startNanos) / 1000);
        shared.connected.countDown();
    }
}

package io.tapecast.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens many WebSocket clients from one JVM: a few {@link HttpClient}s (each has one selector thread doing the
 * socket I/O of its connections) share a small callback pool, and at most {@code inFlight} handshakes run at once
 * so the server's accept queue is not flooded.
 */
final class Clients implements AutoCloseable {

    private final List<HttpClient> httpClients = new ArrayList<>();
    private final ExecutorService callbacks;
    private final Duration handshakeTimeout;

    Clients(int selectors, int callbackThreads, Duration handshakeTimeout) {
        AtomicInteger n = new AtomicInteger();
        this.callbacks = Executors.newFixedThreadPool(callbackThreads, r -> {
            Thread t = new Thread(r, "ws-callback-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.handshakeTimeout = handshakeTimeout;
        for (int i = 0; i < selectors; i++) {
            httpClients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(handshakeTimeout).build());
        }
    }

    /** Opens {@code count} clients; {@code uriOf(i)} and {@code clientOf(i)} give each its URL and listener. */
    void openAll(int count, IntFunction<URI> uriOf, IntFunction<WsClient> clientOf, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            WsClient client = clientOf.apply(i);
            client.startNanos = System.nanoTime();
            httpClients.get(i % httpClients.size()).newWebSocketBuilder()
                    .connectTimeout(handshakeTimeout)
                    .buildAsync(uriOf.apply(i), client)
                    .whenComplete((ws, e) -> {
                        permits.release();
                        if (e != null) {
                            client.failedToOpen(e);
                        }
                    });
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
    }

    /** Sends a normal close to every client still open and waits (bounded) for the closes to finish. */
    static void closeAll(List<WsClient> clients, Duration wait) {
        for (WsClient c : clients) {
            WebSocket ws = c.socket;
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "load test done");
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (WsClient c : clients) {
            long left = deadline - System.nanoTime();
            try {
                c.closed().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                WebSocket ws = c.socket;
                if (ws != null) {
                    ws.abort();
                }
            }
        }
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}

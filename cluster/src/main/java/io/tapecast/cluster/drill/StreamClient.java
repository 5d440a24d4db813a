package io.tapecast.cluster.drill;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One viewer of one backtest stream, as a well-behaved client is documented to behave: it keeps the highest seq it
 * received and, after any abnormal close or broken connection, reconnects with {@code from_seq=<that seq>}, to the
 * endpoint the {@code endpoints} function names for the attempt. It counts what the platform promises never happens:
 * a seq received twice (duplicate) or skipped (lost), and digests what it received so that any two views of a run —
 * live, resumed, replayed, before or after a restart — can be compared.
 */
final class StreamClient {

    private static final long NONE = -1;

    final String runId;
    final int index;
    private final HttpClient http;
    private final String token;
    private final IntFunction<URI> endpoints;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch done = new CountDownLatch(1);

    // written by the WebSocket listener thread of the current connection only (connections never overlap)
    private volatile long lastSeq;
    private long duplicates;
    private long lost;
    private long events;
    private int completes;
    private volatile boolean finished;
    private volatile String endType;
    private final MessageDigest dataDigest = sha256();
    private final MessageDigest rawDigest = sha256();
    private final List<String> gateways = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private int attempts;
    private volatile long disconnectedAtNanos = NONE;
    private final List<Long> recoveryMillis = new ArrayList<>();
    private volatile String currentGateway;
    private volatile long firstEventNanos = NONE;
    private StringBuilder partial = new StringBuilder();
    private final List<Long> connectedAtNanos = new ArrayList<>();
    private long lastFrameNanos = NONE;
    private long maxPauseNanos;
    private String lastEvent;

    private final double ratePerSecond;
    private long nextReadNanos;

    StreamClient(String runId, int index, HttpClient http, String token, IntFunction<URI> endpoints,
                 ScheduledExecutorService scheduler) {
        this(runId, index, http, token, endpoints, scheduler, 0);
    }

    /** {@code ratePerSecond} > 0: a client that reads at most that many messages per second (a human's dashboard). */
    StreamClient(String runId, int index, HttpClient http, String token, IntFunction<URI> endpoints,
                 ScheduledExecutorService scheduler, double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
        this.runId = runId;
        this.index = index;
        this.http = http;
        this.token = token;
        this.endpoints = endpoints;
        this.scheduler = scheduler;
    }

    private volatile int generation;
    private volatile WebSocket current;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile java.util.concurrent.ScheduledFuture<?> watchdog;

    /** Silence after which the client pings, and after which it gives the connection up and reconnects. */
    static final long PING_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long DEAD_AFTER_NANOS = TimeUnit.SECONDS.toNanos(15);

    void start() {
        // like any long-lived client: ping when idle, and treat a silent connection as dead (a peer killed with -9 does
        // not always produce a close the client notices)
        watchdog = scheduler.scheduleWithFixedDelay(this::checkAlive, 2, 2, TimeUnit.SECONDS);
        connect();
    }

    private synchronized void checkAlive() {
        WebSocket ws = current;
        if (finished) {
            watchdog.cancel(false);
            return;
        }
        if (ws == null) {
            return;
        }
        long idle = System.nanoTime() - lastHeardNanos;
        if (idle > DEAD_AFTER_NANOS) {
            synchronized (this) {
                closeCodes.add(-1); // gave up on a silent connection
            }
            generation++;
            current = null;
            ws.abort();
            markDisconnected();
            retry();
        } else if (idle > PING_AFTER_NANOS) {
            try {
                ws.sendText("{\"type\":\"ping\"}", true);
            } catch (RuntimeException e) {
                // the watchdog gives up on it soon
            }
        }
    }

    private synchronized void connect() {
        if (finished) {
            return;
        }
        int gen = ++generation;
        URI base = endpoints.apply(attempts++);
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        URI uri = URI.create(scheme + "://" + base.getAuthority() + "/api/ws/stream/backtest/" + runId
                + (lastSeq > 0 ? "?from_seq=" + lastSeq : ""));
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.buildAsync(uri, new Listener(gen)).whenComplete((ws, error) -> {
            if (error != null && gen == generation) {
                markDisconnected();
                retry();
            }
        });
    }

    private void retry() {
        scheduler.schedule(this::connect, Math.min(100L * attempts, 1000L), TimeUnit.MILLISECONDS);
    }

    private void markDisconnected() {
        if (disconnectedAtNanos == NONE) {
            disconnectedAtNanos = System.nanoTime();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        private boolean stale() {
            return gen != generation;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (stale()) {
                webSocket.abort();
                return;
            }
            current = webSocket;
            lastHeardNanos = System.nanoTime();
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (stale()) {
                return null;
            }
            lastHeardNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial = new StringBuilder();
                onFrame(frame);
                if (ratePerSecond > 0) {
                    long now = System.nanoTime();
                    nextReadNanos = Math.max(nextReadNanos, now) + (long) (1e9 / ratePerSecond);
                    long wait = nextReadNanos - now;
                    if (wait > 2_000_000) {
                        scheduler.schedule(() -> webSocket.request(1), wait, TimeUnit.NANOSECONDS);
                        return null;
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            if (!stale()) {
                lastHeardNanos = System.nanoTime();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (stale()) {
                return null;
            }
            current = null;
            synchronized (StreamClient.this) {
                closeCodes.add(statusCode);
            }
            partial = new StringBuilder();
            if (statusCode == WebSocket.NORMAL_CLOSURE && endType != null) {
                finished = true;
                done.countDown();
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
            } else {
                markDisconnected();
                retry();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (stale()) {
                return;
            }
            current = null;
            synchronized (StreamClient.this) {
                closeCodes.add(1006);
            }
            partial = new StringBuilder();
            if (!finished) {
                markDisconnected();
                retry();
            }
        }
    }

    private synchronized void onFrame(String frame) {
        int seqAt = frame.indexOf("\"seq\":");
        if (seqAt < 0) {
            JsonNode node = WireJson.mapper().readTree(frame);
            if ("connected".equals(node.path("type").asString())) {
                currentGateway = node.path("data").path("gateway").asString();
                gateways.add(currentGateway);
                connectedAtNanos.add(System.nanoTime());
            }
            return;
        }
        long now = System.nanoTime();
        if (firstEventNanos == NONE) {
            firstEventNanos = now;
        }
        if (lastFrameNanos != NONE) {
            maxPauseNanos = Math.max(maxPauseNanos, now - lastFrameNanos);
        }
        lastFrameNanos = now;
        if (disconnectedAtNanos != NONE) {
            recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(now - disconnectedAtNanos));
            disconnectedAtNanos = NONE;
        }
        int end = seqAt + 6;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        long seq = Long.parseLong(frame, seqAt + 6, end, 10);
        if (seq <= lastSeq) {
            duplicates++;
            return;
        }
        if (seq > lastSeq + 1) {
            lost += seq - lastSeq - 1;
        }
        lastSeq = seq;
        events++;
        rawDigest.update(frame.getBytes(StandardCharsets.UTF_8));
        dataDigest.update(withoutTimestamp(frame).getBytes(StandardCharsets.UTF_8));
        String type = frame.substring(9, frame.indexOf('"', 9));
        if (type.equals("complete") || type.equals("error")) {
            completes++;
            endType = type;
            lastEvent = frame;
        }
    }

    /** The envelope without its wall-clock {@code timestamp}: what must be equal across attempts of a run. */
    static String withoutTimestamp(String frame) {
        int at = frame.indexOf("\"timestamp\":\"");
        if (at < 0) {
            return frame;
        }
        int close = frame.indexOf('"', at + 13);
        int cut = frame.charAt(close + 1) == ',' ? close + 2 : close + 1;
        return frame.substring(0, at) + frame.substring(cut);
    }

    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean finished() {
        return finished;
    }

    long lastSeq() {
        return lastSeq;
    }

    long events() {
        return events;
    }

    String currentGateway() {
        return currentGateway;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized int completes() {
        return completes;
    }

    String endType() {
        return endType;
    }

    synchronized List<Long> recoveryMillis() {
        return List.copyOf(recoveryMillis);
    }

    synchronized List<String> gateways() {
        return List.copyOf(gateways);
    }

    synchronized List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    synchronized String dataDigest() {
        return digest(dataDigest);
    }

    synchronized String rawDigest() {
        return digest(rawDigest);
    }

    /** System.nanoTime() of each {@code connected} message. */
    synchronized List<Long> connectedAtNanos() {
        return List.copyOf(connectedAtNanos);
    }

    /** The longest wait between two events once the stream had started, in ms. */
    synchronized long maxPauseMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxPauseNanos);
    }

    /** The {@code complete} (or {@code error}) envelope. */
    synchronized String lastEvent() {
        return lastEvent;
    }

    boolean receivedEvents() {
        return firstEventNanos != NONE;
    }

    private static String digest(MessageDigest d) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) d.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

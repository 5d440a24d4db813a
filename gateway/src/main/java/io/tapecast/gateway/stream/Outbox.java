package io.tapecast.gateway.stream;

import io.tapecast.gateway.stats.DeliveryStats;
import org.springframework.web.socket.CloseStatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A session's bounded queue of frames to send, drained by asynchronous sends, so no reader thread ever
 * blocks on a client's socket. When the bound is exceeded the session is closed as a slow consumer: for
 * lossless streams that is the documented way out (the client resumes with {@code from_seq}).
 */
final class Outbox {

    private final Transport transport;
    private final int maxMessages;
    private final long maxBytes;
    private final Deque<Frame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private boolean closed;
    private CloseStatus closeWhenDrained;
    private long sentMessages;
    private final DeliveryStats stats;
    /** When a send last completed (or the outbox was created): a client whose sends complete is alive. */
    private volatile long lastProgressNanos = System.nanoTime();

    Outbox(Transport transport, int maxMessages, long maxBytes) {
        this(transport, maxMessages, maxBytes, new DeliveryStats());
    }

    Outbox(Transport transport, int maxMessages, long maxBytes, DeliveryStats stats) {
        this.transport = transport;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.stats = stats;
    }

    /** Queues a frame; returns false when the outbox is closed or just overflowed (and closed the session). */
    boolean offer(byte[] utf8) {
        return offer(new String(utf8, StandardCharsets.UTF_8), utf8.length);
    }

    boolean offer(String text) {
        return offer(text, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private boolean offer(String text, int size) {
        return offerKeyed(text, size, null);
    }

    /** A client with fewer frames than this waiting is keeping up: it gets every frame, nothing is conflated. */
    static final int CONFLATE_FROM = 32;

    /**
     * Queues a frame; when the client has fallen behind ({@value #CONFLATE_FROM} or more frames waiting), it replaces
     * a still-waiting frame with the same key (never the one being sent), so the client gets the latest state
     * instead of every step: market candles of one timeframe. Counted as conflated.
     */
    boolean offerConflated(byte[] utf8, String key) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return false;
            }
            if (queue.size() < CONFLATE_FROM) {
                return offerKeyed(text, utf8.length, key);
            }
            Frame head = sending ? queue.peekFirst() : null;
            java.util.Iterator<Frame> frames = queue.descendingIterator();
            while (frames.hasNext()) {
                Frame queued = frames.next();
                if (queued != head && key.equals(queued.key())) {
                    // replace in place: remove the old frame and append the new one, which keeps the order of keys
                    frames.remove();
                    queuedBytes -= queued.size();
                    queue.add(new Frame(text, utf8.length, key));
                    queuedBytes += utf8.length;
                    stats.conflated();
                    return true;
                }
            }
        }
        return offerKeyed(text, utf8.length, key);
    }

    private boolean offerKeyed(String text, int size, String key) {
        boolean startSending;
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return false;
            }
            if (queue.size() + 1 > maxMessages || queuedBytes + size > maxBytes) {
                closed = true;
                queue.clear();
                queuedBytes = 0;
                notifyAll();
            } else {
                queue.add(new Frame(text, size, key));
                queuedBytes += size;
                startSending = !sending;
                sending = true;
                if (startSending) {
                    sendHead();
                }
                return true;
            }
        }
        stats.slowConsumerClosed();
        transport.close(CloseCodes.of(CloseCodes.SLOW_CONSUMER, "outbox overflow: resume with from_seq"));
        return false;
    }

    /** Blocks (bounded) until the outbox is at most half full, so a catch-up reader cannot overflow it. */
    synchronized boolean awaitRoom(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && (queue.size() > maxMessages / 2 || queuedBytes > maxBytes / 2)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return !closed;
    }

    /** Closes the session with the given status once everything queued so far has been sent. */
    void closeWhenDrained(CloseStatus status) {
        boolean closeNow;
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            closeWhenDrained = status;
            closeNow = !sending;
            if (closeNow) {
                closed = true;
            }
        }
        if (closeNow) {
            transport.close(status);
        }
    }

    /** Drops what is queued and closes the session at once with the given status. */
    void closeNow(CloseStatus status) {
        synchronized (this) {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            notifyAll();
        }
        transport.close(status);
    }

    /** Closes the session with 4408 (the client stopped reading), counted as a slow-consumer close. */
    void closeAsSlowConsumer(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        stats.slowConsumerClosed();
        closeNow(CloseCodes.of(CloseCodes.SLOW_CONSUMER, reason));
    }

    /** Stops sending; what is queued is dropped (the session is gone or going). */
    synchronized void discard() {
        closed = true;
        queue.clear();
        queuedBytes = 0;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int queuedMessages() {
        return queue.size();
    }

    synchronized long sentMessages() {
        return sentMessages;
    }

    /** True while nothing is queued or being sent: a control frame (ping) would not wait behind data. */
    synchronized boolean isIdle() {
        return !sending && !closed;
    }

    /** Messages that can still be queued before the bound. */
    synchronized int room() {
        return Math.max(0, maxMessages - queue.size());
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    // Called with the lock held; the transport completes asynchronously (Tomcat dispatches inline
    // completions to another thread, so this never recurses deeply).
    private void sendHead() {
        Frame head = queue.peek();
        transport.sendAsync(head.text(), failure -> onSent(head, failure));
    }

    /** The next frame after a completed send: no thread hop, so a client that keeps up gets full throughput. */
    private void sendNextHead() {
        Frame head = queue.peek();
        transport.sendNext(head.text(), failure -> onSent(head, failure));
    }

    private void onSent(Frame frame, Throwable failure) {
        CloseStatus drainedClose = null;
        synchronized (this) {
            if (queue.peek() == frame) {
                queue.poll();
                queuedBytes -= frame.size();
            }
            notifyAll();
            if (failure != null || closed) {
                closed = true;
                sending = false;
                queue.clear();
                queuedBytes = 0;
                return;
            }
            sentMessages++;
            stats.sent(frame.size());
            lastProgressNanos = System.nanoTime();
            if (!queue.isEmpty()) {
                sendNextHead();
                return;
            }
            sending = false;
            if (closeWhenDrained != null) {
                closed = true;
                drainedClose = closeWhenDrained;
            }
        }
        if (drainedClose != null) {
            transport.close(drainedClose);
        }
    }

    private record Frame(String text, int size, String key) {
    }
}

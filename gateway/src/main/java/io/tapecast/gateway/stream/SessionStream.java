package io.tapecast.gateway.stream;

import io.tapecast.gateway.fanout.StreamEvent;
import io.tapecast.gateway.fanout.StreamSubscriber;
import io.tapecast.gateway.replay.ReplayTarget;
import org.springframework.web.socket.CloseStatus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One session's view of one stream, where catch-up from Kafka and the live tail meet. The session subscribes
 * to the live tail first and buffers what arrives while the catch-up reader delivers history; then
 * {@link #goLive()} drains the buffer. Every event passes one gate, {@code seq > lastSeq}, so the client sees
 * each seq exactly once and strictly increasing, whichever path brought it (and a retried run's repeats are
 * dropped too).
 *
 * <p>Nothing here blocks the live reader: {@link #onLive} only appends to a bounded buffer or to the outbox. The
 * live buffer holds at most {@code maxPending} events; past that it is dropped and the catch-up reader reads on
 * from Kafka instead (the events are there), so a long catch-up during a fast run costs no unbounded memory.
 */
final class SessionStream implements StreamSubscriber, ReplayTarget {

    /** Gateway messages a session makes itself (they carry no seq). */
    interface Messages {
        String gap(long requestedFromSeq, long availableFromSeq);
    }

    private static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Messages messages;
    private final Duration stallTimeout;
    private final int maxPending;
    private final Deque<StreamEvent> pendingLive = new ArrayDeque<>();
    private boolean pendingOverflowed;
    private long lastSeq;
    private boolean live;
    private boolean ended;

    SessionStream(long fromSeq, Outbox outbox) {
        this(fromSeq, outbox, (requested, available) -> "gap " + requested + " " + available, DEFAULT_STALL_TIMEOUT, 10_000);
    }

    SessionStream(long fromSeq, Outbox outbox, Messages messages, Duration stallTimeout, int maxPending) {
        this.lastSeq = fromSeq;
        this.outbox = outbox;
        this.messages = messages;
        this.stallTimeout = stallTimeout;
        this.maxPending = maxPending;
    }

    @Override
    public synchronized void onLive(StreamEvent event) {
        if (live) {
            deliver(event);
        } else if (!ended && !pendingOverflowed && event.seq() > lastSeq) {
            if (pendingLive.size() >= maxPending) {
                // The catch-up reader will read these from Kafka instead (see goLive).
                pendingLive.clear();
                pendingOverflowed = true;
            } else {
                pendingLive.add(event);
            }
        }
    }

    @Override
    public void onReaderFailed(String reason) {
        closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
    }

    @Override
    public boolean onReplay(StreamEvent event) throws InterruptedException {
        // Wait for room outside the lock, so the live thread is never held up by a slow catch-up.
        if (!awaitRoom()) {
            return false;
        }
        synchronized (this) {
            deliver(event);
            return !ended && !outbox.isClosed();
        }
    }

    @Override
    public synchronized boolean onGap(long availableFromSeq) {
        if (ended || availableFromSeq <= lastSeq + 1) {
            return false;
        }
        if (!outbox.offer(messages.gap(lastSeq + 1, availableFromSeq))) {
            ended = true;
            return false;
        }
        lastSeq = availableFromSeq - 1;
        return true;
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /**
     * Drains the live buffer into the outbox, paced by the client (at most half an outbox at a time, so a
     * burst buffered during catch-up cannot overflow a client that reads), then switches to live delivery.
     * Returns false when the buffer overflowed meanwhile: the caller reads on from Kafka and calls again.
     */
    @Override
    public boolean goLive() throws InterruptedException {
        while (true) {
            if (!awaitRoom()) {
                return true;
            }
            synchronized (this) {
                if (ended) {
                    return true;
                }
                if (pendingOverflowed) {
                    // Reset before the caller takes a new end offset: what the live tail reads from now on is
                    // buffered again, what it read before is below that end offset.
                    pendingOverflowed = false;
                    pendingLive.clear();
                    return false;
                }
                int batch = Math.max(1, outbox.room() / 2);
                for (int i = 0; i < batch && !pendingLive.isEmpty(); i++) {
                    deliver(pendingLive.poll());
                }
                if (pendingLive.isEmpty() || ended) {
                    live = true;
                    return true;
                }
            }
        }
    }

    @Override
    public void onReplayFailed(String reason) {
        closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
    }

    @Override
    public void onNothingRetained(long lastSeqOfRun) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (lastSeqOfRun > lastSeq) {
                outbox.offer(messages.gap(lastSeq + 1, lastSeqOfRun + 1));
            }
            ended = true;
            pendingLive.clear();
        }
        outbox.closeWhenDrained(CloseCodes.STREAM_ENDED);
    }

    synchronized boolean isLive() {
        return live;
    }

    synchronized int pendingLive() {
        return pendingLive.size();
    }

    private boolean awaitRoom() throws InterruptedException {
        if (outbox.awaitRoom(stallTimeout)) {
            return true;
        }
        if (!outbox.isClosed()) {
            synchronized (this) {
                ended = true;
                pendingLive.clear();
            }
            outbox.closeAsSlowConsumer("client stopped reading: resume with from_seq");
        }
        return false;
    }

    private void deliver(StreamEvent event) {
        if (ended || event.seq() <= lastSeq) {
            return;
        }
        if (!outbox.offer(event.value())) {
            ended = true;
            return;
        }
        lastSeq = event.seq();
        if (event.endsStream()) {
            ended = true;
            pendingLive.clear();
            outbox.closeWhenDrained(CloseCodes.STREAM_ENDED);
        }
    }

    private void closeNow(CloseStatus status) {
        synchronized (this) {
            ended = true;
            pendingLive.clear();
        }
        outbox.closeNow(status);
    }
}

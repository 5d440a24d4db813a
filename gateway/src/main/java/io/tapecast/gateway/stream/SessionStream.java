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
 */
final class SessionStream implements StreamSubscriber, ReplayTarget {

    private static final Duration REPLAY_ROOM_WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Deque<StreamEvent> pendingLive = new ArrayDeque<>();
    private long lastSeq;
    private boolean live;
    private boolean ended;

    SessionStream(long fromSeq, Outbox outbox) {
        this.lastSeq = fromSeq;
        this.outbox = outbox;
    }

    @Override
    public synchronized void onLive(StreamEvent event) {
        if (!live) {
            pendingLive.add(event);
            return;
        }
        deliver(event);
    }

    @Override
    public void onReaderFailed(String reason) {
        closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
    }

    @Override
    public boolean onReplay(StreamEvent event) throws InterruptedException {
        // Wait for room outside the lock, so the live thread is never held up by a slow catch-up.
        if (!outbox.awaitRoom(REPLAY_ROOM_WAIT)) {
            if (!outbox.isClosed()) {
                closeNow(CloseCodes.of(CloseCodes.SLOW_CONSUMER, "client stopped reading: resume with from_seq"));
            }
            return false;
        }
        synchronized (this) {
            deliver(event);
            return !ended && !outbox.isClosed();
        }
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public synchronized void goLive() {
        while (!pendingLive.isEmpty()) {
            deliver(pendingLive.poll());
        }
        live = true;
    }

    @Override
    public void onReplayFailed(String reason) {
        closeNow(CloseCodes.of(CloseCodes.GATEWAY_ERROR, reason));
    }

    synchronized boolean isLive() {
        return live;
    }

    synchronized int pendingLive() {
        return pendingLive.size();
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

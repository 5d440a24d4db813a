package io.tapecast.gateway.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The node's delivery counters, bumped on the hot path (sends complete on container threads), read by
 * {@code GET /api/ws/stats} and by the Micrometer meters. Lock-free.
 */
public final class DeliveryStats {

    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder slowConsumerCloses = new LongAdder();
    private final LongAdder unresponsiveCloses = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder conflated = new LongAdder();

    public void sent(long bytes) {
        messagesSent.increment();
        bytesSent.add(bytes);
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void unresponsiveClosed() {
        unresponsiveCloses.increment();
    }

    /** A market frame replaced by a newer one before it was sent (a slow client got the latest instead). */
    public void conflated() {
        conflated.increment();
    }

    public long conflatedFrames() {
        return conflated.sum();
    }

    public void gapSent() {
        gaps.increment();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long slowConsumerCloses() {
        return slowConsumerCloses.sum();
    }

    public long unresponsiveCloses() {
        return unresponsiveCloses.sum();
    }

    public long gaps() {
        return gaps.sum();
    }
}

package io.tapecast.gateway.replay;

import io.tapecast.gateway.fanout.StreamEvent;

/** The receiving end of a catch-up read: a session that buffers live events until {@link #goLive()}. */
public interface ReplayTarget {

    /** Delivers a historic event (dropped when its seq was already delivered); false means stop reading. */
    boolean onReplay(StreamEvent event) throws InterruptedException;

    /** The highest seq delivered so far (or the client's {@code from_seq}). */
    long lastSeq();

    /** History is delivered: hand over to the live tail. */
    void goLive();

    /** Catch-up is impossible (e.g. Kafka unreachable); the session must be closed. */
    void onReplayFailed(String reason);
}

package io.tapecast.gateway.replay;

import io.tapecast.gateway.fanout.StreamEvent;

/** The receiving end of a catch-up read: a session that buffers live events until {@link #goLive()}. */
public interface ReplayTarget {

    /** Delivers a historic event (dropped when its seq was already delivered); false means stop reading. */
    boolean onReplay(StreamEvent event) throws InterruptedException;

    /**
     * Retention deleted the start of the stream: the earliest retained seq is {@code availableFromSeq}. When the
     * target wanted earlier seqs it tells its client (a {@code gap} message) and moves its gate there; returns
     * whether it did.
     */
    boolean onGap(long availableFromSeq);

    /** Retention deleted every event of a finished stream, whose last seq was {@code lastSeqOfRun}: end the session. */
    void onNothingRetained(long lastSeqOfRun);

    /** The highest seq delivered so far (or the client's {@code from_seq}). */
    long lastSeq();

    /**
     * History is delivered: hand over to the live tail. False when the target's live buffer overflowed meanwhile,
     * so the catch-up must read on to a new end offset and call again.
     */
    boolean goLive() throws InterruptedException;

    /** Catch-up is impossible (e.g. Kafka unreachable); the session must be closed. */
    void onReplayFailed(String reason);
}

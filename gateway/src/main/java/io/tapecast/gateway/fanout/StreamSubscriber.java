package io.tapecast.gateway.fanout;

/** A local session's interest in one stream's live events. */
public interface StreamSubscriber {

    /** Called on the live reader's thread: must not block. */
    void onLive(StreamEvent event);

    /** The live reader failed for good: the subscriber can no longer be served. */
    void onReaderFailed(String reason);
}

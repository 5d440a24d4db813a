package io.tapecast.loadtest;

import java.net.URI;
import java.util.List;

/** What a fan-out run drives: Tapecast (Kafka + a gateway) or nchan (HTTP publisher + WebSocket subscribers). */
interface Target extends AutoCloseable {

    String name();

    /** Makes the streams known before clients connect; returns the first seq the timed phase publishes. */
    long prepare(List<String> streamIds) throws Exception;

    URI subscribeUri(String streamId);

    /** Whether a client counts as connected at the handshake (nchan) or at the gateway's {@code connected} frame. */
    boolean connectedOnOpen();

    /** Publishes event {@code seq} of a stream; the send timestamp is taken inside, just before it leaves. */
    void publish(String streamId, long seq) throws Exception;

    /** Waits until everything published has left (acknowledged); returns the publish errors seen. */
    long flush() throws Exception;

    /** Ends the streams ({@code lastSeq[i]} = last seq published on stream i). */
    void finish(List<String> streamIds, long[] lastSeq) throws Exception;

    @Override
    void close();
}

package io.tapecast.gateway.stream;

import org.springframework.web.socket.CloseStatus;

import java.util.function.Consumer;

/** The socket under an {@link Outbox}: one asynchronous text send at a time. */
interface Transport {

    /** Sends a text frame; {@code done} receives null on success or the failure. May be called on a reader thread. */
    void sendAsync(String text, Consumer<Throwable> done);

    /**
     * Sends the next frame from the completion of the previous one (a container thread, never a reader): the
     * transport may write at once instead of handing the send to another thread.
     */
    default void sendNext(String text, Consumer<Throwable> done) {
        sendAsync(text, done);
    }

    void close(CloseStatus status);
}

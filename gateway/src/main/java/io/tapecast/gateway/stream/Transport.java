package io.tapecast.gateway.stream;

import org.springframework.web.socket.CloseStatus;

import java.util.function.Consumer;

/** The socket under an {@link Outbox}: one asynchronous text send at a time. */
interface Transport {

    /** Sends a text frame; {@code done} receives null on success or the failure. */
    void sendAsync(String text, Consumer<Throwable> done);

    void close(CloseStatus status);
}

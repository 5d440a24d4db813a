package io.tapecast.gateway.stream;

import org.springframework.web.socket.CloseStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A transport whose sends complete only when the test says so, like a socket with a slow reader. */
final class RecordingTransport implements Transport {

    final List<String> sent = new ArrayList<>();
    final Deque<Runnable> inFlight = new ArrayDeque<>();
    CloseStatus closedWith;

    @Override
    public synchronized void sendAsync(String text, Consumer<Throwable> done) {
        inFlight.add(() -> {
            synchronized (this) {
                sent.add(text);
            }
            done.accept(null);
        });
    }

    @Override
    public synchronized void close(CloseStatus status) {
        if (closedWith == null) {
            closedWith = status;
        }
    }

    /** Completes in-flight sends until none are left (each completion may start the next send). */
    void drain() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return inFlight.poll();
    }
}

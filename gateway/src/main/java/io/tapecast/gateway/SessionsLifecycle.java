package io.tapecast.gateway;

import io.tapecast.gateway.stream.BacktestStreamHandler;
import org.springframework.context.SmartLifecycle;

/**
 * The sessions' side of the node's life: heartbeats while running; on shutdown (SIGTERM, context close) it
 * runs first of all, before the web server stops accepting, refusing new sessions and closing every open one
 * with 1001 "going away" so clients move to another node with {@code from_seq}. Bounded by
 * {@code tapecast.gateway.close-timeout}.
 */
final class SessionsLifecycle implements SmartLifecycle {

    private final BacktestStreamHandler streams;
    private volatile boolean running;

    SessionsLifecycle(BacktestStreamHandler streams) {
        this.streams = streams;
    }

    @Override
    public void start() {
        streams.startHeartbeats();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.drain();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Last to start, first to stop: ahead of the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}

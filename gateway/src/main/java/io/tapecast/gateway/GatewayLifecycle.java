package io.tapecast.gateway;

import io.tapecast.gateway.fanout.LiveTail;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.replay.ReplayService;
import io.tapecast.gateway.stream.BacktestStreamHandler;
import io.tapecast.gateway.stream.CloseCodes;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the node's Kafka readers before the web server accepts connections (status index loaded, live
 * tail positioned), and on shutdown tells every client to go elsewhere before the readers stop.
 */
final class GatewayLifecycle implements SmartLifecycle {

    private final StatusIndex index;
    private final LiveTail liveTail;
    private final ReplayService replays;
    private final BacktestStreamHandler streams;
    private final GatewaySettings settings;
    private volatile boolean running;

    GatewayLifecycle(StatusIndex index, LiveTail liveTail, ReplayService replays, BacktestStreamHandler streams,
                     GatewaySettings settings) {
        this.index = index;
        this.liveTail = liveTail;
        this.replays = replays;
        this.streams = streams;
        this.settings = settings;
    }

    @Override
    public void start() {
        index.start(settings.indexLoadTimeout());
        liveTail.start(settings.indexLoadTimeout());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.closeAll(CloseCodes.GOING_AWAY);
        replays.close();
        liveTail.close();
        index.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server starts (and so, stopped after it stops accepting). */
    @Override
    public int getPhase() {
        return 0;
    }
}

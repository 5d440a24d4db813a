package io.tapecast.gateway.fanout;

import io.tapecast.gateway.kafka.KafkaClients;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The node's one reader of a live-state topic ({@code market.events}, {@code trading.events}): all partitions, no
 * group, feeding a hub that keeps the latest state. It starts a little before the end ({@value #WARM_RECORDS}
 * records per partition) so the snapshots are filled as soon as the node is up.
 */
public final class StateReader implements SmartLifecycle {

    static final long WARM_RECORDS = 5_000;

    private final LiveTail tail;
    private final Duration startTimeout;
    private volatile boolean running;

    public StateReader(KafkaClients clients, String topic, LiveTail.RecordSink hub, Duration startTimeout) {
        this.tail = new LiveTail(clients, topic, hub, WARM_RECORDS);
        this.startTimeout = startTimeout;
    }

    @Override
    public void start() {
        tail.start(startTimeout);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        tail.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the other readers: before the web server accepts connections. */
    @Override
    public int getPhase() {
        return 0;
    }

    public String topic() {
        return tail.topic();
    }

    public long lag() {
        return tail.lag();
    }
}

package io.tapecast.gateway.trading;

import io.tapecast.gateway.fanout.LiveTail;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * This node's live trading: routes every event to the live-trading sessions, and keeps the state a joining client
 * needs first — per account the latest position of each symbol and the latest {@code pnl} and {@code risk}. One lock
 * orders updates, dispatch and subscriptions, so a joining client gets exactly the events after its snapshot.
 */
public final class TradingHub implements LiveTail.RecordSink {

    private static final Logger log = LoggerFactory.getLogger(TradingHub.class);

    private final Set<TradingSubscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Map<String, TradingEvent> latest = new TreeMap<>();

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        TradingEvent.of(record).ifPresentOrElse(this::dispatch,
                () -> log.warn("skipping trading record without key or seq/type headers at {}-{}@{}", record.topic(),
                        record.partition(), record.offset()));
    }

    synchronized void dispatch(TradingEvent event) {
        switch (event.type()) {
            case "position" -> latest.put(event.account() + "|position|" + event.symbol(), event);
            case "pnl", "risk" -> latest.put(event.account() + "|" + event.type(), event);
            default -> {
                // orders are moments, not state: a snapshot does not repeat them
            }
        }
        for (TradingSubscriber subscriber : subscribers) {
            subscriber.onTrading(event);
        }
    }

    /** Subscribes and returns the snapshot, oldest first per account; later events reach the subscriber. */
    public synchronized List<TradingEvent> subscribe(TradingSubscriber subscriber) {
        subscribers.add(subscriber);
        List<TradingEvent> snapshot = new ArrayList<>(latest.values());
        snapshot.sort(Comparator.comparing(TradingEvent::account).thenComparingLong(TradingEvent::seq));
        return snapshot;
    }

    public void unsubscribe(TradingSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public void failed(String reason) {
        subscribers.forEach(s -> s.onReaderFailed(reason));
    }

    public int sessions() {
        return subscribers.size();
    }
}

package io.tapecast.gateway.market;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * This node's market data: routes each event to the sessions following its symbol, and keeps per symbol the latest
 * candle, structure and confluence event of every timeframe — the snapshot a joining client gets first, so its screen
 * fills at once. Snapshot and subscription are taken under the symbol's lock, the same lock the reader holds while
 * it updates and dispatches, so a joining client gets exactly the events after its snapshot.
 */
public final class MarketHub implements LiveTail.RecordSink {

    private static final Logger log = LoggerFactory.getLogger(MarketHub.class);

    private final Map<String, SymbolState> symbols = new ConcurrentHashMap<>();

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        MarketEvent.of(record).ifPresentOrElse(this::dispatch,
                () -> log.warn("skipping market record without key or seq/type headers at {}-{}@{}", record.topic(),
                        record.partition(), record.offset()));
    }

    void dispatch(MarketEvent event) {
        SymbolState state = symbols.computeIfAbsent(event.symbol(), s -> new SymbolState());
        synchronized (state) {
            state.remember(event);
            for (MarketSubscriber subscriber : state.subscribers) {
                subscriber.onMarket(event);
            }
        }
    }

    /** Subscribes and returns the snapshot (oldest first); later events reach the subscriber, earlier ones do not. */
    public List<MarketEvent> subscribe(String symbol, MarketSubscriber subscriber) {
        SymbolState state = symbols.computeIfAbsent(symbol, s -> new SymbolState());
        synchronized (state) {
            state.subscribers.add(subscriber);
            return state.snapshot();
        }
    }

    public void unsubscribe(String symbol, MarketSubscriber subscriber) {
        SymbolState state = symbols.get(symbol);
        if (state != null) {
            state.subscribers.remove(subscriber);
        }
    }

    @Override
    public void failed(String reason) {
        symbols.values().forEach(state -> state.subscribers.forEach(s -> s.onReaderFailed(reason)));
    }

    public int sessions() {
        return symbols.values().stream().mapToInt(s -> s.subscribers.size()).sum();
    }

    private static final class SymbolState {
        private final Set<MarketSubscriber> subscribers = new CopyOnWriteArraySet<>();
        private final Map<String, MarketEvent> latest = new TreeMap<>();

        void remember(MarketEvent event) {
            if (event.timeframe() == null) {
                return;
            }
            switch (event.type()) {
                case "candle", "structure", "confluence" -> latest.put(event.type() + ":" + event.timeframe(), event);
                default -> {
                    // patterns are moments, not state: a snapshot does not repeat them
                }
            }
        }

        List<MarketEvent> snapshot() {
            List<MarketEvent> events = new ArrayList<>(latest.values());
            events.sort(Comparator.comparingLong(MarketEvent::seq));
            return events;
        }
    }
}

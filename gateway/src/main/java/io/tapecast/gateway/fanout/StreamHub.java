package io.tapecast.gateway.fanout;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Routes each live event to the sessions of this node that follow its stream. */
public final class StreamHub {

    private final Map<String, Set<StreamSubscriber>> byStream = new ConcurrentHashMap<>();

    public void subscribe(String streamId, StreamSubscriber subscriber) {
        byStream.computeIfAbsent(streamId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    public void unsubscribe(String streamId, StreamSubscriber subscriber) {
        byStream.computeIfPresent(streamId, (id, subscribers) -> {
            subscribers.remove(subscriber);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    public void dispatch(StreamEvent event) {
        Set<StreamSubscriber> subscribers = byStream.get(event.streamId());
        if (subscribers != null) {
            for (StreamSubscriber subscriber : subscribers) {
                subscriber.onLive(event);
            }
        }
    }

    public void failAll(String reason) {
        byStream.values().forEach(subscribers -> subscribers.forEach(s -> s.onReaderFailed(reason)));
    }

    public int streams() {
        return byStream.size();
    }

    public int sessions() {
        return byStream.values().stream().mapToInt(Set::size).sum();
    }
}

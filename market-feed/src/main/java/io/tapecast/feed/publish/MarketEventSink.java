package io.tapecast.feed.publish;

import io.tapecast.schemas.Payload;

/** Where a symbol's events go; the Kafka sink keys them by symbol, so one symbol's stream is one ordered partition. */
public interface MarketEventSink {

    /** Publishes the next event of the symbol's stream (the sink assigns its seq). */
    void publish(String symbol, Payload payload);

    /** Waits until everything published so far is stored. */
    void flush();
}

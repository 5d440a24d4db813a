package io.tapecast.gateway.market;

/** A local session following one symbol's market data. */
public interface MarketSubscriber {

    /** Called on the market reader's thread: must not block. */
    void onMarket(MarketEvent event);

    /** The market reader stopped for good. */
    void onReaderFailed(String reason);
}

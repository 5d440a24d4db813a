package io.tapecast.gateway.trading;

/** A local session following live trading. */
public interface TradingSubscriber {

    /** Called on the trading reader's thread: must not block. */
    void onTrading(TradingEvent event);

    void onReaderFailed(String reason);
}

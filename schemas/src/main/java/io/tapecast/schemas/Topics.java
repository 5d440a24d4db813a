package io.tapecast.schemas;

/**
 * Default topic names (DESIGN.md §3.3). Every topic is keyed by a UTF-8 stream id and uses Kafka's
 * default partitioner, so all records of one stream land in one partition, in order.
 */
public final class Topics {

    public static final String BACKTEST_REQUESTS = "backtest.requests";
    public static final String BACKTEST_CONTROL = "backtest.control";
    public static final String BACKTEST_EVENTS = "backtest.events";
    public static final String BACKTEST_STATUS = "backtest.status";
    public static final String MARKET_EVENTS = "market.events";
    public static final String TRADING_EVENTS = "trading.events";

    private Topics() {
    }
}

package io.tapecast.schemas;

/**
 * The topic names a deployment uses, bound from {@code tapecast.topics.*}; a name left unset takes the
 * default of {@link Topics}. Keys on every topic are the stream id, so one stream is one partition.
 */
public record TopicNames(
        String backtestRequests,
        String backtestControl,
        String backtestEvents,
        String backtestStatus,
        String marketEvents,
        String tradingEvents) {

    public TopicNames {
        backtestRequests = orDefault(backtestRequests, Topics.BACKTEST_REQUESTS);
        backtestControl = orDefault(backtestControl, Topics.BACKTEST_CONTROL);
        backtestEvents = orDefault(backtestEvents, Topics.BACKTEST_EVENTS);
        backtestStatus = orDefault(backtestStatus, Topics.BACKTEST_STATUS);
        marketEvents = orDefault(marketEvents, Topics.MARKET_EVENTS);
        tradingEvents = orDefault(tradingEvents, Topics.TRADING_EVENTS);
    }

    public static TopicNames defaults() {
        return new TopicNames(null, null, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

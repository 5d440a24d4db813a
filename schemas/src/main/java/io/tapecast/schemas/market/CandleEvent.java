package io.tapecast.schemas.market;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * One candle of a symbol and timeframe. {@code open_time} is the bucket's open time (a 1h candle stamped 10:00
 * covers [10:00, 11:00)). While the bucket forms the feed sends it with {@code closed: false} (throttled; each
 * update replaces the previous one for the same symbol, timeframe and open time); once it has closed it sends it
 * exactly once with {@code closed: true}. The analysers only ever look at closed candles.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CandleEvent(
        String symbol,
        String timeframe,
        Instant openTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        boolean closed) implements Payload {

    public CandleEvent {
        MarketFields.requireSymbolAndTimeframe(symbol, timeframe, openTime);
        MarketFields.requirePrice("open", open);
        MarketFields.requirePrice("high", high);
        MarketFields.requirePrice("low", low);
        MarketFields.requirePrice("close", close);
        if (high < Math.max(open, close) || low > Math.min(open, close)) {
            throw new IllegalArgumentException("high/low must wrap open and close");
        }
        if (!Double.isFinite(volume) || volume < 0) {
            throw new IllegalArgumentException("volume must be a finite number ≥ 0, got " + volume);
        }
    }

    @Override
    public String eventType() {
        return EventTypes.CANDLE;
    }
}

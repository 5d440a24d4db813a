package io.tapecast.schemas.market;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The confluence of a symbol on one timeframe at the close of a candle ({@code time} = its open time): how much the
 * analysis agrees on a direction, 0–100. The engine scores both directions ({@code bullish_score},
 * {@code bearish_score}); {@code score} is the larger, {@code bias} its direction ({@code neutral} when they are
 * equal), and {@code components} the parts of the score in the bias direction (bullish when neutral), whose points
 * sum to {@code score}. {@code trends} holds the trend of every timeframe taken into account (this one and the
 * coarser ones analysed for the symbol), finest first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConfluenceEvent(
        String symbol,
        String timeframe,
        Instant time,
        double score,
        Bias bias,
        double bullishScore,
        double bearishScore,
        List<ConfluenceComponent> components,
        Map<String, Trend> trends) implements Payload {

    public ConfluenceEvent {
        MarketFields.requireSymbolAndTimeframe(symbol, timeframe, time);
        Objects.requireNonNull(bias, "bias");
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        trends = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(trends, "trends")));
        for (double s : new double[]{score, bullishScore, bearishScore}) {
            if (!(s >= 0 && s <= 100)) {
                throw new IllegalArgumentException("scores must lie in 0–100, got " + s);
            }
        }
        if (score != Math.max(bullishScore, bearishScore)) {
            throw new IllegalArgumentException("score must be the larger of bullish_score and bearish_score");
        }
        for (String label : trends.keySet()) {
            if (!MarketFields.TIMEFRAMES.contains(label)) {
                throw new IllegalArgumentException("unknown timeframe '" + label + "' in trends");
            }
        }
        if (!trends.containsKey(timeframe)) {
            throw new IllegalArgumentException("trends must include the event's own timeframe " + timeframe);
        }
    }

    @Override
    public String eventType() {
        return EventTypes.CONFLUENCE;
    }
}

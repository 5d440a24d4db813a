package io.tapecast.gateway.start;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/backtesting/start} as the client sent it; every field may be missing or wrong
 * here, {@link StartRequestValidator} turns it into a valid command or a list of field errors. Strategy parameters
 * are numbers, or booleans for flags such as {@code allow_short} (true = 1, false = 0).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StartRequest(
        String name,
        String symbol,
        List<String> timeframes,
        String startDate,
        String endDate,
        List<String> strategyIds,
        Map<String, Map<String, Object>> params,
        Double initialCapital,
        Double feeBps,
        Double slippageBps,
        Double positionSize,
        Boolean wholeUnits,
        String fill,
        Boolean closeAtEnd,
        Integer periodsPerYear,
        Double riskFreeRate) {
}

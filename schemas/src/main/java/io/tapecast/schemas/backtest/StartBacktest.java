package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command on {@code backtest.requests} (key: the backtest id). It is already validated by the gateway;
 * the worker re-checks only what the engine needs. {@code params} maps a strategy id to its parameter
 * overrides; missing parameters take the strategy's defaults. {@code owner} is the subject that started it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartBacktest(
        String backtestId,
        String name,
        String symbol,
        List<String> timeframes,
        Instant startDate,
        Instant endDate,
        List<String> strategyIds,
        Map<String, Map<String, Double>> params,
        EngineOptions options,
        String owner,
        Instant requestedAt) {

    public StartBacktest {
        Objects.requireNonNull(backtestId, "backtestId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        timeframes = List.copyOf(Objects.requireNonNull(timeframes, "timeframes"));
        strategyIds = List.copyOf(Objects.requireNonNull(strategyIds, "strategyIds"));
        params = params == null ? Map.of() : Map.copyOf(params);
        options = options == null ? EngineOptions.defaults() : options;
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeframe is required");
        }
        if (strategyIds.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy id is required");
        }
        if (!startDate.isBefore(endDate)) {
            throw new IllegalArgumentException("start_date must be before end_date");
        }
    }
}

package io.tapecast.gateway.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/** A run as REST shows it: its latest status from the index, plus where to stream it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(
        String backtestId,
        String status,
        String name,
        StartBacktest request,
        String worker,
        long lastSeq,
        BacktestMetrics finalMetrics,
        BacktestError error,
        Instant createdAt,
        Instant updatedAt,
        String streamUrl) {

    static RunView of(BacktestStatus status, String streamUrl) {
        return new RunView(status.backtestId(), status.state().name(), status.request().name(), status.request(),
                status.worker(), status.lastSeq(), status.finalMetrics(), status.error(), status.createdAt(),
                status.updatedAt(), streamUrl);
    }
}

package io.tapecast.schemas.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * The value on {@code backtest.control} (key: the backtest id). Every worker reads every command and acts on
 * the runs it owns; the others ignore it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlCommand(String backtestId, ControlAction action, String requestedBy, Instant requestedAt) {

    public ControlCommand {
        Objects.requireNonNull(backtestId, "backtestId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}

package io.tapecast.gateway.runs;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** One page of {@code GET /api/backtesting}: {@code items} newest first, {@code total} runs matching the filter. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunsPage(List<RunView> items, int page, int size, long total) {
}

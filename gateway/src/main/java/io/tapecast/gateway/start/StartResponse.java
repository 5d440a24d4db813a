package io.tapecast.gateway.start;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The 202 answer to a start request: where to watch the run. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StartResponse(String backtestId, String status, boolean streaming, String streamUrl) {
}

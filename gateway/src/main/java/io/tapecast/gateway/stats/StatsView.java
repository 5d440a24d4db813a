package io.tapecast.gateway.stats;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** {@code GET /api/ws/stats}: this node's delivery figures since it started (counters) and now (gauges). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsView(
        String node,
        Map<String, Integer> connections,
        int connectionsTotal,
        Map<String, Integer> sessionsPerStream,
        int liveSubscribers,
        long messagesSent,
        long bytesSent,
        long slowConsumerCloses,
        long unresponsiveCloses,
        long gapsSent,
        long conflatedFrames,
        int replaysInProgress,
        Map<String, Long> readerLag,
        boolean draining) {
}

package io.tapecast.gateway.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ws/stats}: this node's connections, sessions per stream, traffic, closes, replays, reader lag. */
@RestController
final class StatsController {

    private final GatewayStats stats;

    StatsController(GatewayStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/ws/stats")
    StatsView stats() {
        return stats.snapshot();
    }
}

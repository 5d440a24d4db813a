package io.tapecast.gateway.stats;

import io.tapecast.gateway.security.SecurityStatus;
import io.tapecast.schemas.WireJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/ws/stats}: this node's connections, sessions per stream, traffic, closes, replays, reader lag, and
 * its {@code security} (on or off, with the warning when off; refusals since start). Admin only when security is on.
 */
@RestController
final class StatsController {

    private final GatewayStats stats;
    private final SecurityStatus security;

    StatsController(GatewayStats stats, SecurityStatus security) {
        this.stats = stats;
        this.security = security;
    }

    @GetMapping("/api/ws/stats")
    JsonNode stats() {
        ObjectNode view = WireJson.mapper().valueToTree(stats.snapshot());
        view.set("security", WireJson.mapper().valueToTree(security.view()));
        return view;
    }
}

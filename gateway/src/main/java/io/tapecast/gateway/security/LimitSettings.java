package io.tapecast.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits of one gateway node, under {@code tapecast.limits}. Every limit holds per node: behind a load
 * balancer with N nodes a user may hold up to N times the per-user figures. {@code 0} turns a count or rate limit off.
 *
 * @param connectionsPerUser            concurrent WebSocket sessions of one token subject (over it: close 4429)
 * @param connectionsPerIp              concurrent WebSocket sessions from one client address (over it: close 4429)
 * @param handshakesPerIpPerSecond      new WebSocket handshakes from one address per second, with a burst of as many
 *                                      (over it: HTTP 429 with Retry-After, before the upgrade)
 * @param messagesPerConnectionPerSecond inbound frames of one session per second, with a burst of twice as many
 *                                      (over it: close 4429)
 * @param maxFrameBytes                 largest inbound WebSocket message (over it: close 1009)
 * @param startsPerUserPerMinute        {@code POST /api/backtesting/start} calls of one user per minute, with a burst
 *                                      of as many (over it: 429 with Retry-After)
 * @param maxRequestBodyBytes           largest REST request body (over it: 413)
 */
@ConfigurationProperties("tapecast.limits")
public record LimitSettings(
        @DefaultValue("64") int connectionsPerUser,
        @DefaultValue("256") int connectionsPerIp,
        @DefaultValue("20") int handshakesPerIpPerSecond,
        @DefaultValue("20") int messagesPerConnectionPerSecond,
        @DefaultValue("16384") int maxFrameBytes,
        @DefaultValue("30") int startsPerUserPerMinute,
        @DefaultValue("65536") int maxRequestBodyBytes) {

    public LimitSettings {
        if (connectionsPerUser < 0 || connectionsPerIp < 0 || handshakesPerIpPerSecond < 0
                || messagesPerConnectionPerSecond < 0 || startsPerUserPerMinute < 0) {
            throw new IllegalArgumentException("tapecast.limits.* counts and rates must be 0 (off) or more");
        }
        if (maxFrameBytes < 256 || maxRequestBodyBytes < 1024) {
            throw new IllegalArgumentException("tapecast.limits.max-frame-bytes must be ≥ 256 and max-request-body-bytes ≥ 1024");
        }
    }

    /** The defaults, for code that builds a gateway without Spring binding. */
    public static LimitSettings defaults() {
        return new LimitSettings(64, 256, 20, 20, 16384, 30, 65536);
    }
}

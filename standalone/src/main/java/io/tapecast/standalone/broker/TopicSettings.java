package io.tapecast.standalone.broker;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tapecast.schemas.Topics;

/**
 * Names and layout of the platform topics that {@link TopicProvisioner} creates.
 *
 * @param backtestRequests  backtest run requests (default retention)
 * @param backtestControl   control commands for running backtests (default retention)
 * @param backtestEvents    backtest event streams, kept forever ({@code retention.ms=-1}) for replay
 * @param backtestStatus    latest status per stream id ({@code cleanup.policy=compact})
 * @param marketEvents      live market events, time-retained for {@code marketRetention}
 * @param tradingEvents     live trading events, time-retained for {@code tradingRetention}
 * @param partitions        partitions of every platform topic
 * @param replicationFactor replication factor of every platform topic
 * @param marketRetention   {@code retention.ms} of {@code marketEvents}
 * @param tradingRetention  {@code retention.ms} of {@code tradingEvents}
 */
public record TopicSettings(
        String backtestRequests,
        String backtestControl,
        String backtestEvents,
        String backtestStatus,
        String marketEvents,
        String tradingEvents,
        int partitions,
        short replicationFactor,
        Duration marketRetention,
        Duration tradingRetention) {

    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public TopicSettings {
        requireName("backtestRequests", backtestRequests);
        requireName("backtestControl", backtestControl);
        requireName("backtestEvents", backtestEvents);
        requireName("backtestStatus", backtestStatus);
        requireName("marketEvents", marketEvents);
        requireName("tradingEvents", tradingEvents);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        requirePositive("marketRetention", marketRetention);
        requirePositive("tradingRetention", tradingRetention);
        Set<String> distinct = new LinkedHashSet<>(List.of(backtestRequests, backtestControl, backtestEvents,
                backtestStatus, marketEvents, tradingEvents));
        if (distinct.size() != 6) {
            throw new IllegalArgumentException("topic names must be distinct: " + List.of(backtestRequests,
                    backtestControl, backtestEvents, backtestStatus, marketEvents, tradingEvents));
        }
    }

    /** The names from {@link Topics}, {@value #DEFAULT_PARTITIONS} partitions, RF 1, 7 days retention. */
    public static TopicSettings defaults() {
        return new TopicSettings(Topics.BACKTEST_REQUESTS, Topics.BACKTEST_CONTROL, Topics.BACKTEST_EVENTS,
                Topics.BACKTEST_STATUS, Topics.MARKET_EVENTS, Topics.TRADING_EVENTS,
                DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, DEFAULT_RETENTION, DEFAULT_RETENTION);
    }

    public TopicSettings withPartitions(int newPartitions) {
        return new TopicSettings(backtestRequests, backtestControl, backtestEvents, backtestStatus, marketEvents,
                tradingEvents, newPartitions, replicationFactor, marketRetention, tradingRetention);
    }

    public TopicSettings withReplicationFactor(short newReplicationFactor) {
        return new TopicSettings(backtestRequests, backtestControl, backtestEvents, backtestStatus, marketEvents,
                tradingEvents, partitions, newReplicationFactor, marketRetention, tradingRetention);
    }

    /** All six topic names, in declaration order. */
    public List<String> names() {
        return List.of(backtestRequests, backtestControl, backtestEvents, backtestStatus, marketEvents,
                tradingEvents);
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isBlank() || name.length() > 249 || !name.matches("[a-zA-Z0-9._-]+")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(what + " is not a valid Kafka topic name: '" + name + "'");
        }
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }
}

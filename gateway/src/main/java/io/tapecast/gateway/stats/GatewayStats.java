package io.tapecast.gateway.stats;

import io.tapecast.gateway.fanout.LiveTail;
import io.tapecast.gateway.fanout.StreamHub;
import io.tapecast.gateway.replay.ReplayService;
import io.tapecast.gateway.stream.BacktestStreamHandler;
import io.tapecast.schemas.StreamType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * One node's delivery figures: what {@code GET /api/ws/stats} shows and what {@code /actuator/prometheus}
 * exports (names {@code tapecast.ws.*}, {@code tapecast.replay.*}, {@code tapecast.live.reader.lag}).
 * Per-stream session counts are only in the REST view: stream ids are unbounded, so not meter tags.
 */
public final class GatewayStats implements MeterBinder {

    private final String nodeId;
    private final BacktestStreamHandler backtests;
    private final StreamHub backtestHub;
    private final ReplayService replays;
    private final LiveTail backtestTail;
    private final DeliveryStats delivery;
    private final List<OtherStreams> others;

    /** Sessions and reader of another stream type (market data, live trading) on this node. */
    public record OtherStreams(StreamType type, IntSupplier sessions, String topic, LongSupplier readerLag) {
    }

    public GatewayStats(String nodeId, BacktestStreamHandler backtests, StreamHub backtestHub, ReplayService replays,
                        LiveTail backtestTail, DeliveryStats delivery) {
        this(nodeId, backtests, backtestHub, replays, backtestTail, delivery, List.of());
    }

    public GatewayStats(String nodeId, BacktestStreamHandler backtests, StreamHub backtestHub, ReplayService replays,
                        LiveTail backtestTail, DeliveryStats delivery, List<OtherStreams> others) {
        this.others = List.copyOf(others);
        this.nodeId = nodeId;
        this.backtests = backtests;
        this.backtestHub = backtestHub;
        this.replays = replays;
        this.backtestTail = backtestTail;
        this.delivery = delivery;
    }

    public StatsView snapshot() {
        Map<String, Integer> connections = new TreeMap<>();
        connections.put(StreamType.BACKTEST.wireName(), backtests.openSessions());
        Map<String, Long> lag = new TreeMap<>();
        lag.put(backtestTail.topic(), backtestTail.lag());
        for (OtherStreams other : others) {
            connections.put(other.type().wireName(), other.sessions().getAsInt());
            lag.put(other.topic(), other.readerLag().getAsLong());
        }
        int total = connections.values().stream().mapToInt(Integer::intValue).sum();
        return new StatsView(nodeId, connections, total, backtests.sessionsPerStream(),
                backtestHub.sessions(), delivery.messagesSent(), delivery.bytesSent(), delivery.slowConsumerCloses(),
                delivery.unresponsiveCloses(), delivery.gaps(), delivery.conflatedFrames(), replays.inProgress(),
                lag, backtests.isDraining());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tapecast.ws.connections", backtests, BacktestStreamHandler::openSessions)
                .tag("stream_type", StreamType.BACKTEST.wireName())
                .description("open WebSocket sessions").register(registry);
        Gauge.builder("tapecast.ws.streams", backtestHub, StreamHub::streams)
                .tag("stream_type", StreamType.BACKTEST.wireName())
                .description("streams with at least one live subscriber on this node").register(registry);
        FunctionCounter.builder("tapecast.ws.messages.sent", delivery, DeliveryStats::messagesSent)
                .description("frames sent to clients").register(registry);
        FunctionCounter.builder("tapecast.ws.bytes.sent", delivery, DeliveryStats::bytesSent)
                .baseUnit("bytes").description("payload bytes sent to clients").register(registry);
        FunctionCounter.builder("tapecast.ws.slow.consumer.closes", delivery, DeliveryStats::slowConsumerCloses)
                .description("sessions closed with 4408").register(registry);
        FunctionCounter.builder("tapecast.ws.unresponsive.closes", delivery, DeliveryStats::unresponsiveCloses)
                .description("sessions closed with 4410").register(registry);
        FunctionCounter.builder("tapecast.ws.gaps", delivery, DeliveryStats::gaps)
                .description("gap messages sent (requested events no longer retained)").register(registry);
        FunctionCounter.builder("tapecast.ws.conflated", delivery, DeliveryStats::conflatedFrames)
                .description("market frames replaced by newer ones before a slow client got them").register(registry);
        for (OtherStreams other : others) {
            Gauge.builder("tapecast.ws.connections", other.sessions(), IntSupplier::getAsInt)
                    .tag("stream_type", other.type().wireName())
                    .description("open WebSocket sessions").register(registry);
            Gauge.builder("tapecast.live.reader.lag", other.readerLag(), LongSupplier::getAsLong)
                    .tag("topic", other.topic())
                    .description("records the live reader is behind the end of its topic").register(registry);
        }
        Gauge.builder("tapecast.replay.in.progress", replays, ReplayService::inProgress)
                .description("catch-up reads from Kafka running now").register(registry);
        Gauge.builder("tapecast.live.reader.lag", backtestTail, LiveTail::lag)
                .tag("topic", backtestTail.topic())
                .description("records the live reader is behind the end of its topic").register(registry);
    }
}

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

import java.util.Map;

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

    public GatewayStats(String nodeId, BacktestStreamHandler backtests, StreamHub backtestHub, ReplayService replays,
                        LiveTail backtestTail, DeliveryStats delivery) {
        this.nodeId = nodeId;
        this.backtests = backtests;
        this.backtestHub = backtestHub;
        this.replays = replays;
        this.backtestTail = backtestTail;
        this.delivery = delivery;
    }

    public StatsView snapshot() {
        Map<String, Integer> connections = Map.of(StreamType.BACKTEST.wireName(), backtests.openSessions());
        return new StatsView(nodeId, connections, backtests.openSessions(), backtests.sessionsPerStream(),
                backtestHub.sessions(), delivery.messagesSent(), delivery.bytesSent(), delivery.slowConsumerCloses(),
                delivery.unresponsiveCloses(), delivery.gaps(), replays.inProgress(),
                Map.of(backtestTail.topic(), backtestTail.lag()), backtests.isDraining());
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
        Gauge.builder("tapecast.replay.in.progress", replays, ReplayService::inProgress)
                .description("catch-up reads from Kafka running now").register(registry);
        Gauge.builder("tapecast.live.reader.lag", backtestTail, LiveTail::lag)
                .tag("topic", backtestTail.topic())
                .description("records the live reader is behind the end of its topic").register(registry);
    }
}

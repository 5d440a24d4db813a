package io.tapecast.gateway;

import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.gateway.fanout.LiveTail;
import io.tapecast.gateway.market.MarketHub;
import io.tapecast.gateway.fanout.StateReader;
import io.tapecast.gateway.stream.MarketStreamHandler;
import io.tapecast.gateway.stream.TradingStreamHandler;
import io.tapecast.gateway.trading.TradingHub;
import io.tapecast.schemas.StreamType;
import io.tapecast.gateway.fanout.StreamHub;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.kafka.DefaultKafkaClients;
import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.gateway.replay.ReplayService;
import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.gateway.stats.DeliveryStats;
import io.tapecast.gateway.stats.GatewayStats;
import io.tapecast.gateway.stream.BacktestStreamHandler;
import io.tapecast.schemas.TopicNames;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.time.Clock;
import java.util.List;

/**
 * The gateway: REST, WebSocket, and the node's Kafka readers (one status index, one live tail per topic).
 * Stateless apart from what it reads from Kafka, so any number of nodes can serve any client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
@EnableWebSocket
// Boot application classes under this package (the gateway's own main) are entry points, never beans of a host.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class GatewayConfiguration {

    /** Default of {@code tapecast.limits.max-frame-bytes}: inbound frames are tiny (ping). */
    static final int MAX_INBOUND_FRAME_BYTES = 16 * 1024;

    @Bean
    TopicNames gatewayTopicNames(Environment environment) {
        return Binder.get(environment).bind("tapecast.topics", TopicNames.class).orElseGet(TopicNames::defaults);
    }

    @Bean
    DefaultKafkaClients gatewayKafkaClients(Environment environment, GatewaySettings settings) {
        String bootstrap = environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
        return new DefaultKafkaClients(bootstrap, settings.nodeId());
    }

    /** Millisecond timestamps, as in the original service's messages. */
    @Bean
    Clock gatewayClock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }

    @Bean
    StrategyCatalog strategyCatalog() {
        return StrategyCatalog.defaults();
    }

    @Bean
    StatusIndex statusIndex(KafkaClients clients, TopicNames topics) {
        return new StatusIndex(clients, topics.backtestStatus());
    }

    @Bean
    StreamHub backtestStreamHub() {
        return new StreamHub();
    }

    @Bean
    LiveTail backtestLiveTail(KafkaClients clients, TopicNames topics, StreamHub hub) {
        return new LiveTail(clients, topics.backtestEvents(), hub);
    }

    @Bean
    DeliveryStats deliveryStats() {
        return new DeliveryStats();
    }

    @Bean
    ReplayService replayService(KafkaClients clients, TopicNames topics, StatusIndex index, GatewaySettings settings) {
        return new ReplayService(clients, topics.backtestEvents(), index, settings.replayThreads(), settings.kafkaTimeout());
    }

    @Bean
    BacktestStreamHandler backtestStreamHandler(StatusIndex index, StreamHub hub, ReplayService replays,
                                                GatewaySettings settings, Clock clock, DeliveryStats stats) {
        return new BacktestStreamHandler(index, hub, replays, settings, clock, stats);
    }

    /** {@code GET /api/ws/stats} and the {@code tapecast.*} meters (a MeterBinder: Boot binds it to the registry). */
    @Bean
    GatewayStats gatewayStats(GatewaySettings settings, BacktestStreamHandler streams, StreamHub hub, ReplayService replays,
                              LiveTail liveTail, DeliveryStats stats, MarketStreamHandler market, StateReader marketReader,
                              TradingStreamHandler trading, StateReader tradingReader) {
        return new GatewayStats(settings.nodeId(), streams, hub, replays, liveTail, stats, List.of(
                new GatewayStats.OtherStreams(StreamType.MARKET_DATA, market::openSessions, marketReader.topic(), marketReader::lag),
                new GatewayStats.OtherStreams(StreamType.LIVE_TRADING, trading::openSessions, tradingReader.topic(), tradingReader::lag)));
    }

    @Bean
    TradingHub tradingHub() {
        return new TradingHub();
    }

    @Bean
    StateReader tradingReader(KafkaClients clients, TopicNames topics, TradingHub hub, GatewaySettings settings) {
        return new StateReader(clients, topics.tradingEvents(), hub, settings.indexLoadTimeout());
    }

    @Bean
    TradingStreamHandler tradingStreamHandler(TradingHub hub, AccessPolicy policy,
                                              GatewaySettings settings, Clock clock, DeliveryStats stats) {
        return new TradingStreamHandler(hub, policy, settings, clock, stats);
    }

    @Bean
    WebSocketConfigurer tradingStreamEndpoint(TradingStreamHandler handler) {
        return registry -> registry.addHandler(handler, "/api/ws/stream/live-trading").setAllowedOriginPatterns("*");
    }

    @Bean
    MarketHub marketHub() {
        return new MarketHub();
    }

    @Bean
    StateReader marketReader(KafkaClients clients, TopicNames topics, MarketHub hub, GatewaySettings settings) {
        return new StateReader(clients, topics.marketEvents(), hub, settings.indexLoadTimeout());
    }

    @Bean
    MarketStreamHandler marketStreamHandler(MarketHub hub, GatewaySettings settings, Clock clock, DeliveryStats stats) {
        return new MarketStreamHandler(hub, settings, clock, stats);
    }

    @Bean
    WebSocketConfigurer marketStreamEndpoint(MarketStreamHandler handler) {
        return registry -> registry.addHandler(handler, "/api/ws/stream/market-data/*").setAllowedOriginPatterns("*");
    }

    @Bean
    SessionsLifecycle sessionsLifecycle(BacktestStreamHandler streams) {
        return new SessionsLifecycle(streams);
    }

    @Bean
    GatewayLifecycle gatewayLifecycle(StatusIndex index, LiveTail liveTail, ReplayService replays,
                                      BacktestStreamHandler streams, GatewaySettings settings) {
        return new GatewayLifecycle(index, liveTail, replays, streams, settings);
    }

    @Bean
    WebSocketConfigurer backtestStreamEndpoint(BacktestStreamHandler handler) {
        // Origins and authentication are enforced by the security layer; the endpoint itself is open.
        return registry -> registry.addHandler(handler, "/api/ws/stream/backtest/*").setAllowedOriginPatterns("*");
    }

    /**
     * Inbound text frames larger than {@code tapecast.limits.max-frame-bytes} (default 16 KiB) are refused with 1009. The container allocates both message buffers for every session up front, so they are
     * kept small: binary frames are refused anyway (1003), their buffer is the minimum.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(io.tapecast.gateway.security.LimitSettings limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(limits.maxFrameBytes());
        container.setMaxBinaryMessageBufferSize(MIN_BINARY_BUFFER_BYTES);
        return container;
    }

    private static final int MIN_BINARY_BUFFER_BYTES = 256;
}

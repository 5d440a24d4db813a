package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.TapecastStandaloneApplication;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A platform with security on (HS256 with {@link Tokens#SECRET}, issuer and audience checked), on topics of its own so
 * that no other test's worker or gateway sees its runs: either the whole standalone (gateway + worker) or a gateway
 * alone (then every run stays queued, and its sessions stay open).
 */
final class SecuredPlatform implements AutoCloseable {

    static final String ALLOWED_ORIGIN = "https://app.tapecast.test";

    final String requests = KafkaTestBroker.createTopic("sec-requests");
    final String control = KafkaTestBroker.createTopic("sec-control");
    final String events = KafkaTestBroker.createTopic("sec-events");
    final String status = KafkaTestBroker.createTopic("sec-status");
    private final ConfigurableApplicationContext context;

    private SecuredPlatform(boolean withWorker, List<String> extra) {
        KafkaTestBroker.provisionTopics();
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--server.port=0", "--server.address=127.0.0.1", "--spring.jmx.enabled=false",
                "--tapecast.topics.backtest-requests=" + requests, "--tapecast.topics.backtest-control=" + control,
                "--tapecast.topics.backtest-events=" + events, "--tapecast.topics.backtest-status=" + status,
                "--tapecast.security.enabled=true",
                "--tapecast.security.jwt.issuer=" + Tokens.ISSUER,
                "--tapecast.security.jwt.audience=" + Tokens.AUDIENCE,
                "--tapecast.security.allowed-origins=" + ALLOWED_ORIGIN,
                "--tapecast.security.accounts.acct-1=alice,carol"));
        if (extra.stream().noneMatch(arg -> arg.startsWith("--tapecast.security.jwt.jwk-set-uri="))) {
            args.add("--tapecast.security.jwt.hmac-secret=" + Tokens.SECRET);
        }
        args.addAll(extra);
        if (withWorker) {
            args.add("--tapecast.broker.embedded=false");
            args.add("--tapecast.data-dir=" + Path.of("target", "it-data").toAbsolutePath());
            context = TapecastStandaloneApplication.run(args.toArray(String[]::new));
        } else {
            context = io.tapecast.gateway.app.GatewayApplication.run(args.toArray(String[]::new));
        }
    }

    static SecuredPlatform withWorker(String... extra) {
        return new SecuredPlatform(true, List.of(extra));
    }

    static SecuredPlatform gatewayOnly(String... extra) {
        return new SecuredPlatform(false, List.of(extra));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    Http http() {
        return Http.local(port());
    }

    String ws(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    /** A run of {@code owner} that is queued and never picked up (no request published): its sessions stay open. */
    String parkedRun(String owner) throws Exception {
        String id = "backtest_20240101_000000_" + UUID.randomUUID().toString().substring(0, 6);
        StartBacktest request = new StartBacktest(id, "parked", "BTC-USD", List.of("1h"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"), List.of("sma-crossover"), null, null, owner,
                Instant.parse("2024-01-01T00:00:00Z"));
        try (KafkaProducer<String, byte[]> producer = TestStreams.producer()) {
            producer.send(new ProducerRecord<>(status, id,
                    WireJson.mapper().writeValueAsBytes(BacktestStatus.queued(request, request.requestedAt()))))
                    .get(30, TimeUnit.SECONDS);
        }
        return id;
    }

    @Override
    public void close() {
        context.close();
    }
}

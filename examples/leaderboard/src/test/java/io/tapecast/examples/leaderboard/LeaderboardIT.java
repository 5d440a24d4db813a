package io.tapecast.examples.leaderboard;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.broker.BrokerSettings;
import io.tapecast.standalone.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example against a real Kafka broker (in this JVM): statuses written as the worker writes them (the wire
 * records, serialised by the platform's mapper) to a compacted topic, read back by the example, which knows only
 * the documented JSON.
 */
class LeaderboardIT {

    private static Path dir;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        dir = Files.createTempDirectory("tapecast-leaderboard-it-");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final Instant T0 = Instant.parse("2024-02-11T14:30:22Z");

    private static StartBacktest request(String id, String symbol, List<String> strategies, Map<String, Map<String, Double>> params) {
        return new StartBacktest(id, "it", symbol, List.of("1h"), Instant.parse("2023-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"), strategies, params, null, "alice", T0);
    }

    private static BacktestMetrics metrics(double returnPct, Double sharpe, double maxDrawdownPct, int trades) {
        double finalEquity = 10_000 * (1 + returnPct / 100);
        return new BacktestMetrics(10_000, finalEquity, finalEquity - 10_000, returnPct, null, maxDrawdownPct, 10, sharpe,
                null, null, 50, trades, trades / 2, trades - trades / 2, null, null, null, null, null, null, null, 60, 12, 5);
    }

    private static BacktestStatus completed(String id, StartBacktest request, BacktestMetrics metrics) {
        return new BacktestStatus(id, BacktestState.completed, request, "worker-1", 0, 0L, 1, 100, metrics, null, T0, T0);
    }

    @Test
    void printsTheStrategiesRankedAcrossCompletedRuns() throws Exception {
        String topic = "backtest.status.it";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        Map<String, Map<String, Double>> fast = Map.of("sma-crossover", Map.of("fast", 10.0, "slow", 30.0));
        Map<String, Map<String, Double>> slow = Map.of("sma-crossover", Map.of("fast", 20.0, "slow", 50.0));
        StartBacktest runA = request("bt_a", "BTC-USD", List.of("sma-crossover"), fast);
        StartBacktest runB = request("bt_b", "ETH-USD", List.of("sma-crossover"), fast);
        StartBacktest runC = request("bt_c", "BTC-USD", List.of("sma-crossover"), slow);
        StartBacktest runD = request("bt_d", "BTC-USD", List.of("rsi-reversion"), null);
        StartBacktest runE = request("bt_e", "BTC-USD", List.of("donchian-breakout"), null);
        StartBacktest runF = request("bt_f", "BTC-USD", List.of("donchian-breakout"), null);

        List<BacktestStatus> statuses = List.of(
                BacktestStatus.queued(runA, T0),                                        // superseded below (same key)
                completed("bt_a", runA, metrics(20, 1.5, -10, 12)),
                completed("bt_b", runB, metrics(10, 0.5, -20, 8)),                      // fast: mean 15 %
                completed("bt_c", runC, metrics(25, 2.0, -5, 4)),                       // slow: 25 %
                completed("bt_d", runD, metrics(-3, null, -12, 30)),                    // rsi: -3 %, no Sharpe
                new BacktestStatus("bt_e", BacktestState.failed, runE, "worker-1", null, null, 1, 1, null,
                        new BacktestError("NO_CANDLES", "none"), T0, T0),                // failed: not counted
                BacktestStatus.queued(runF, T0));                                      // not finished: not counted
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (BacktestStatus status : statuses) {
                producer.send(new ProducerRecord<>(topic, status.backtestId(), WireJson.mapper().writeValueAsString(status))).get();
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LeaderboardApp.run(new String[]{"--bootstrap-servers", broker.bootstrapServers(), "--topic", topic},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output + err).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Strategy leaderboard: 4 completed run(s) of 6 in backtest.status");
        assertThat(lines.get(1)).contains("strategy", "avg return", "avg sharpe", "avg max dd");
        assertThat(lines.get(2)).matches("1\\s+sma-crossover fast=20 slow=50\\s+1\\s+\\+25\\.00%\\s+\\+25\\.00%\\s+2\\.00\\s+-5\\.00%\\s+-5\\.00%\\s+4\\s+bt_c");
        assertThat(lines.get(3)).matches("2\\s+sma-crossover fast=10 slow=30\\s+2\\s+\\+15\\.00%\\s+\\+20\\.00%\\s+1\\.00\\s+-15\\.00%\\s+-20\\.00%\\s+20\\s+bt_a");
        assertThat(lines.get(4)).matches("3\\s+rsi-reversion\\s+1\\s+-3\\.00%\\s+-3\\.00%\\s+-\\s+-12\\.00%\\s+-12\\.00%\\s+30\\s+bt_d");
        assertThat(lines).hasSize(5);

        ByteArrayOutputStream btcOnly = new ByteArrayOutputStream();
        LeaderboardApp.run(new String[]{"--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--symbol", "btc-usd"},
                new PrintStream(btcOnly, true, StandardCharsets.UTF_8), System.err);
        assertThat(btcOnly.toString(StandardCharsets.UTF_8)).startsWith("Strategy leaderboard: 3 completed run(s)")
                .contains("fast=10 slow=30  ").doesNotContain("bt_b");
    }

    @Test
    void aMissingTopicIsReported() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LeaderboardApp.run(new String[]{"--bootstrap-servers", broker.bootstrapServers(), "--topic", "no.such.topic",
                        "--timeout", "5"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("leaderboard:");
    }
}

package io.tapecast.cluster;

import io.tapecast.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The platform topics of a replicated deployment ({@code DESIGN.md} §3.3) and the one-shot step that creates them:
 * replication factor 3 and {@code min.insync.replicas} 2 on every topic, so a write acknowledged with
 * {@code acks=all} is on two brokers at least and the loss of any one broker neither loses nor blocks anything.
 * {@code docker/kafka/create-topics.sh} does the same for the compose file (a test keeps the two equal).
 *
 * <pre>
 * java -cp ... io.tapecast.cluster.ClusterTopics --bootstrap-servers=127.0.0.1:19092 [--partitions=12]
 * </pre>
 */
public final class ClusterTopics {

    public static final int DEFAULT_PARTITIONS = 12;
    public static final short REPLICATION_FACTOR = 3;
    public static final int MIN_INSYNC_REPLICAS = 2;
    public static final Duration LIVE_RETENTION = Duration.ofDays(7);

    /** Broker-wide settings of every node (containers and local processes alike). */
    public static final Map<String, String> BROKER_DEFAULTS = Map.ofEntries(
            Map.entry("num.partitions", Integer.toString(DEFAULT_PARTITIONS)),
            Map.entry("default.replication.factor", Short.toString(REPLICATION_FACTOR)),
            Map.entry("min.insync.replicas", Integer.toString(MIN_INSYNC_REPLICAS)),
            Map.entry("offsets.topic.replication.factor", Short.toString(REPLICATION_FACTOR)),
            Map.entry("transaction.state.log.replication.factor", Short.toString(REPLICATION_FACTOR)),
            Map.entry("transaction.state.log.min.isr", Integer.toString(MIN_INSYNC_REPLICAS)),
            Map.entry("share.coordinator.state.topic.replication.factor", Short.toString(REPLICATION_FACTOR)),
            Map.entry("share.coordinator.state.topic.min.isr", Integer.toString(MIN_INSYNC_REPLICAS)),
            Map.entry("unclean.leader.election.enable", "false"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("group.initial.rebalance.delay.ms", "0"));

    private ClusterTopics() {
    }

    /** Topic name → its configs (besides partitions and replication factor). */
    public static Map<String, Map<String, String>> topics() {
        String minIsr = Integer.toString(MIN_INSYNC_REPLICAS);
        String live = Long.toString(LIVE_RETENTION.toMillis());
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        topics.put(Topics.BACKTEST_REQUESTS, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr));
        topics.put(Topics.BACKTEST_CONTROL, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr));
        topics.put(Topics.BACKTEST_EVENTS, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                TopicConfig.RETENTION_MS_CONFIG, "-1"));
        topics.put(Topics.BACKTEST_STATUS, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        topics.put(Topics.MARKET_EVENTS, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                TopicConfig.RETENTION_MS_CONFIG, live));
        topics.put(Topics.TRADING_EVENTS, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                TopicConfig.RETENTION_MS_CONFIG, live));
        return topics;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = KafkaNode.parse(args);
        String bootstrap = options.getOrDefault("bootstrap-servers", "127.0.0.1:19092");
        int partitions = Integer.parseInt(options.getOrDefault("partitions", Integer.toString(DEFAULT_PARTITIONS)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "tapecast-topic-creation"))) {
            // RF 3 needs all three brokers registered
            while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() < REPLICATION_FACTOR) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("fewer than " + REPLICATION_FACTOR + " brokers at " + bootstrap);
                }
                Thread.sleep(500);
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            topics().forEach((name, configs) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, REPLICATION_FACTOR).configs(configs));
                }
            });
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get(60, TimeUnit.SECONDS);
                    System.out.println("created " + e.getKey() + " (" + partitions + " partitions, RF " + REPLICATION_FACTOR
                            + ", " + topics().get(e.getKey()) + ")");
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                }
            }
            if (missing.isEmpty()) {
                System.out.println("all " + topics().size() + " topics exist");
            }
            // After a full restart the ports open before leaders are elected: the apps start only once every
            // partition has a leader and enough in-sync replicas to accept acks=all writes.
            long waitStart = System.nanoTime();
            while (true) {
                long notReady;
                try {
                    notReady = admin.describeTopics(topics().keySet()).allTopicNames().get(30, TimeUnit.SECONDS).values()
                            .stream().flatMap(t -> t.partitions().stream())
                            .filter(p -> p.leader() == null || p.leader().isEmpty() || p.isr().size() < MIN_INSYNC_REPLICAS)
                            .count();
                } catch (ExecutionException e) { // just created: not every broker's metadata has them yet
                    notReady = -1;
                }
                if (notReady == 0) {
                    break;
                }
                if (System.nanoTime() - waitStart > TimeUnit.SECONDS.toNanos(180)) {
                    throw new IllegalStateException(notReady + " partitions without a leader or in-sync replicas after 180 s");
                }
                Thread.sleep(500);
            }
            // ... and every broker's own metadata knows them (right after a full restart one may still be catching up)
            for (String broker : bootstrap.split(",")) {
                try (Admin one = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.strip(),
                        AdminClientConfig.CLIENT_ID_CONFIG, "tapecast-topic-readiness"))) {
                    while (true) {
                        try {
                            one.describeTopics(topics().keySet()).allTopicNames().get(10, TimeUnit.SECONDS);
                            break;
                        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                            if (System.nanoTime() - waitStart > TimeUnit.SECONDS.toNanos(180)) {
                                throw new IllegalStateException(broker + " does not know the topics after 180 s", e);
                            }
                            Thread.sleep(500);
                        }
                    }
                }
            }
            System.out.println("every partition has a leader and ≥ " + MIN_INSYNC_REPLICAS + " in-sync replicas ("
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart) + " ms)");
        }
    }
}

package io.tapecast.standalone.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform topics if they are missing. Existing topics are left exactly as they are
 * (no partition or config changes), so provisioning is idempotent and safe to run from several
 * processes at once: a topic created concurrently by someone else ({@link TopicExistsException})
 * counts as present.
 *
 * <ul>
 *   <li>{@code backtest.requests}, {@code backtest.control}: broker defaults</li>
 *   <li>{@code backtest.events}: {@code retention.ms=-1} (kept forever, for replay)</li>
 *   <li>{@code backtest.status}: {@code cleanup.policy=compact}</li>
 *   <li>{@code market.events}, {@code trading.events}: {@code retention.ms} from the settings</li>
 * </ul>
 */
public final class TopicProvisioner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final TopicSettings settings;
    private final Duration timeout;

    public TopicProvisioner(TopicSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    public TopicProvisioner(TopicSettings settings, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public TopicSettings settings() {
        return settings;
    }

    /** The topics this provisioner creates, with their partitions, replication factor and configs. */
    public List<NewTopic> newTopics() {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(settings.backtestRequests(), Map.of()));
        topics.add(topic(settings.backtestControl(), Map.of()));
        topics.add(topic(settings.backtestEvents(), Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        topics.add(topic(settings.backtestStatus(),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(topic(settings.marketEvents(), Map.of(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(settings.marketRetention().toMillis()))));
        topics.add(topic(settings.tradingEvents(), Map.of(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(settings.tradingRetention().toMillis()))));
        return List.copyOf(topics);
    }

    /** Provisions through a short-lived Admin client for {@code bootstrapServers}. */
    public Set<String> provision(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000),
                AdminClientConfig.CLIENT_ID_CONFIG, "tapecast-topic-provisioner"))) {
            return provision(admin);
        }
    }

    /**
     * Creates the missing platform topics.
     *
     * @return the names of the topics this call created (empty when all existed)
     * @throws IllegalStateException when Kafka fails or does not answer within the timeout
     */
    public Set<String> provision(Admin admin) {
        Objects.requireNonNull(admin, "admin");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(remainingMs(deadline)))
                    .names().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = newTopics().stream().filter(t -> !existing.contains(t.name())).toList();
            Set<String> created = new LinkedHashSet<>();
            if (missing.isEmpty()) {
                return created;
            }
            Map<String, KafkaFuture<Void>> results = admin
                    .createTopics(missing, new CreateTopicsOptions().timeoutMs(remainingMs(deadline)))
                    .values();
            Map<String, Throwable> failures = new LinkedHashMap<>();
            for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
                try {
                    e.getValue().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        failures.put(e.getKey(), ex.getCause());
                    }
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException error = new IllegalStateException("Cannot create topics " + failures.keySet()
                        + ": " + failures.values().iterator().next());
                failures.values().forEach(error::addSuppressed);
                throw error;
            }
            LOG.info("Created Kafka topics {}", created);
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list Kafka topics", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic provisioning did not finish within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        }
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(configs);
    }

    private static int remainingMs(long deadlineNanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }
}

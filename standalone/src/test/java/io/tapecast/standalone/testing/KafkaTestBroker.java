package io.tapecast.standalone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.tapecast.standalone.broker.BrokerSettings;
import io.tapecast.standalone.broker.EmbeddedKafkaBroker;
import io.tapecast.standalone.broker.TopicProvisioner;
import io.tapecast.standalone.broker.TopicSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place that decides which Kafka cluster the integration tests talk to. One cluster per
 * test JVM, shared by all test classes, started lazily on first use and stopped by a shutdown hook.
 *
 * <ul>
 *   <li>default: an in-JVM {@link EmbeddedKafkaBroker} on 127.0.0.1, free ports, a temporary directory;</li>
 *   <li>{@code -Dkafka.bootstrap-servers=host:port}: that external cluster (nothing is started);</li>
 *   <li>{@code -Dkafka.broker=testcontainers}: a Testcontainers {@link KafkaContainer}
 *       ({@value #KAFKA_IMAGE}); without a Docker engine the calling test is skipped, not failed.</li>
 * </ul>
 *
 * <p>Unset Maven properties reach the tests as empty strings or as the literal {@code ${name}}; both
 * count as unset. The platform topics ({@link #provisionTopics()}) are shared by all tests; a test
 * that needs isolation uses {@link #createTopic(String)}.
 */
public final class KafkaTestBroker {

    public static final String BOOTSTRAP_SERVERS_PROPERTY = "kafka.bootstrap-servers";
    public static final String BROKER_PROPERTY = "kafka.broker";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Which kind of cluster the tests use. */
    public enum Mode { EMBEDDED, EXTERNAL, TESTCONTAINERS }

    private static String bootstrapServers;
    private static boolean topicsProvisioned;
    private static Boolean dockerAvailable;

    private KafkaTestBroker() {
    }

    /** The mode selected by the system properties. */
    public static Mode mode() {
        return mode(System.getProperty(BOOTSTRAP_SERVERS_PROPERTY), System.getProperty(BROKER_PROPERTY));
    }

    static Mode mode(String bootstrapProperty, String brokerProperty) {
        if (!isUnset(bootstrapProperty)) {
            return Mode.EXTERNAL;
        }
        if (isUnset(brokerProperty)) {
            return Mode.EMBEDDED;
        }
        return switch (brokerProperty.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Mode.EMBEDDED;
            case "testcontainers" -> Mode.TESTCONTAINERS;
            default -> throw new IllegalStateException("Unknown -D" + BROKER_PROPERTY + "=" + brokerProperty
                    + " (expected embedded or testcontainers)");
        };
    }

    /** True for null, blank, and an unresolved Maven placeholder such as {@code ${kafka.broker}}. */
    static boolean isUnset(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String v = value.strip();
        return v.startsWith("${") && v.endsWith("}");
    }

    /**
     * {@code bootstrap.servers} of the shared test cluster, starting it on first call. In
     * testcontainers mode without a Docker engine this aborts the calling test (JUnit assumption).
     */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = switch (mode()) {
                case EXTERNAL -> System.getProperty(BOOTSTRAP_SERVERS_PROPERTY).strip();
                case EMBEDDED -> startEmbedded();
                case TESTCONTAINERS -> startContainer();
            };
        }
        return bootstrapServers;
    }

    /** Creates the platform topics (default names, 6 partitions, RF 1) if missing; once per JVM. */
    public static synchronized void provisionTopics() {
        if (!topicsProvisioned) {
            new TopicProvisioner(TopicSettings.defaults(), TIMEOUT).provision(bootstrapServers());
            topicsProvisioned = true;
        }
    }

    /** Client config with {@code bootstrap.servers} set; add serializers, group id etc. as needed. */
    public static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** A new Admin client for the shared cluster; the caller closes it. */
    public static Admin admin() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(config);
    }

    /** A topic name that no other test uses: {@code prefix-<random>}. */
    public static String uniqueTopicName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Creates a uniquely named topic with one partition and returns its name. */
    public static String createTopic(String prefix) {
        return createTopic(prefix, 1, Map.of());
    }

    /** Creates a uniquely named topic ({@link #uniqueTopicName(String)}) and returns its name. */
    public static String createTopic(String prefix, int partitions, Map<String, String> configs) {
        String name = uniqueTopicName(prefix);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create test topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating test topic " + name, e);
        }
        return name;
    }

    private static String startEmbedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory("tapecast-kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir));
        } catch (RuntimeException | Error e) {
            deleteRecursively(dir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } finally {
                deleteRecursively(dir);
            }
        }, "kafka-test-broker-shutdown"));
        return broker.bootstrapServers();
    }

    private static String startContainer() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        }
        Assumptions.assumeTrue(dockerAvailable,
                "-D" + BROKER_PROPERTY + "=testcontainers but no Docker engine answers: skipping");
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-test-container-shutdown"));
        return container.getBootstrapServers();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the OS cleans its temp directory eventually
        }
    }
}

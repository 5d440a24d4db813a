package io.tapecast.standalone.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka cluster running inside this JVM: one {@link KafkaRaftServer} in KRaft
 * combined mode (broker and controller in one process, node id {@value #NODE_ID}).
 *
 * <p>All state lives under {@link BrokerSettings#logDir()}. The directory is formatted (cluster id,
 * bootstrap metadata) on the first start only; later starts on the same directory keep the cluster
 * id, the topics and their records. The controller quorum is configured statically
 * ({@code controller.quorum.voters}, {@code kraft.version} 0), so the ports may change between
 * restarts.
 *
 * <p>{@link #start(BrokerSettings)} returns only once an Admin client can describe the cluster. The
 * broker's own loggers default to WARN (see {@link BrokerLogging}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** The node id of the single broker+controller. */
    public static final int NODE_ID = 1;

    /** How long {@link #start(BrokerSettings)} waits for a usable broker. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Subdirectory of {@link BrokerSettings#logDir()} that Kafka uses as {@code log.dirs}. */
    static final String DATA_DIR = "kafka-data";
    static final String META_PROPERTIES = "meta.properties";

    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Keeps the log cleaner's eagerly allocated dedupe buffer small (Kafka's default is 128 MiB). */
    private static final long CLEANER_DEDUPE_BUFFER_BYTES = 32L * 1024 * 1024;
    private static final int INTERNAL_TOPIC_PARTITIONS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final boolean formatted;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server, String bootstrapServers,
            String clusterId, boolean formatted, Duration startupTime) {
        this.settings = settings;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.formatted = formatted;
        this.startupTime = startupTime;
    }

    /** Starts a broker and waits up to {@link #DEFAULT_STARTUP_TIMEOUT} until it is usable. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        return start(settings, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts a broker: formats {@code settings.logDir()} if it holds no Kafka storage yet, starts the
     * KRaft server and waits until an Admin client can describe the cluster.
     *
     * @throws IllegalStateException when the broker fails to start or is not usable within {@code timeout}
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings, Duration timeout) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        long startNanos = System.nanoTime();
        BrokerLogging.quietBrokerLoggers();
        BrokerSettings resolved = resolvePorts(settings);
        Path dataDir = resolved.logDir().resolve(DATA_DIR).toAbsolutePath();
        Properties props = brokerProperties(resolved, dataDir);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        boolean formatNow = !Files.isRegularFile(dataDir.resolve(META_PROPERTIES));
        String clusterId = formatNow ? format(dataDir) : readClusterId(dataDir);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = hostPort(advertisedHost(resolved), resolved.port());
        try {
            server.startup();
            awaitUsable(bootstrap, timeout.minusNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException | Error e) {
            shutdownQuietly(server);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        LOG.info("Embedded Kafka broker up at {} (cluster {}, {}) in {} ms", bootstrap, clusterId,
                formatNow ? "storage formatted" : "existing storage", took.toMillis());
        return new EmbeddedKafkaBroker(resolved, server, bootstrap, clusterId, formatNow, took);
    }

    /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The KRaft cluster id stored in the log directory. */
    public String clusterId() {
        return clusterId;
    }

    /** True when this start formatted the storage, false when it reused existing storage. */
    public boolean formattedStorage() {
        return formatted;
    }

    /** Time from the call to {@code start} until the broker was usable. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The settings with the actual (never 0) ports. */
    public BrokerSettings settings() {
        return settings;
    }

    /** Shuts the broker down cleanly and waits for it; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long startNanos = System.nanoTime();
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Embedded Kafka broker at {} shut down in {} ms", bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers + ", logDir=" + settings.logDir() + "]";
    }

    static Properties brokerProperties(BrokerSettings s, Path dataDir) {
        String bindHost = s.host();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + hostPort(advertisedHost(s), s.controllerPort()));
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", CLIENT_LISTENER + "://" + hostPort(bindHost, s.port()) + ","
                + CONTROLLER_LISTENER + "://" + hostPort(bindHost, s.controllerPort()));
        p.put("advertised.listeners", CLIENT_LISTENER + "://" + hostPort(advertisedHost(s), s.port()));
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", Integer.toString(s.partitionsDefault()));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
        return p;
    }

    private static String format(Path dataDir) {
        String clusterId = Uuid.randomUuid().toString();
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log directory " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
        LOG.info("Formatted Kafka storage in {} for cluster {}", dataDir, clusterId);
        return clusterId;
    }

    static String readClusterId(Path dataDir) {
        Path file = dataDir.resolve(META_PROPERTIES);
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String id = meta.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(file + " has no cluster.id");
        }
        return id;
    }

    private static void awaitUsable(String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), 0);
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "tapecast-embedded-broker-readiness");
        Exception last = null;
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("Kafka broker at " + bootstrap
                            + " not usable within " + timeout.toMillis() + " ms", last);
                }
                int waitMs = (int) Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 10_000));
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(waitMs))
                            .nodes().get(waitMs, TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka broker at " + bootstrap, e);
                }
            }
        }
    }

    private static BrokerSettings resolvePorts(BrokerSettings s) {
        if (s.port() != 0 && s.controllerPort() != 0) {
            return s;
        }
        InetAddress bind = bindAddress(s);
        // Both sockets stay open until both ports are known, so the two picks cannot coincide.
        try (ServerSocket a = new ServerSocket();
             ServerSocket b = new ServerSocket()) {
            a.setReuseAddress(true);
            b.setReuseAddress(true);
            a.bind(new InetSocketAddress(bind, s.port()));
            b.bind(new InetSocketAddress(bind, s.controllerPort()));
            return s.withPorts(a.getLocalPort(), b.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reserve ports on " + s.host(), e);
        }
    }

    private static InetAddress bindAddress(BrokerSettings s) {
        try {
            return InetAddress.getByName(stripBrackets(s.host()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve broker host " + s.host(), e);
        }
    }

    private static String advertisedHost(BrokerSettings s) {
        return s.bindsWildcard() ? "localhost" : s.host();
    }

    static String hostPort(String host, int port) {
        String h = stripBrackets(host);
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while shutting down a Kafka broker that failed to start", e);
        }
    }
}

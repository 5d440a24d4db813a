package io.tapecast.benchmarks;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestListener;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.standalone.broker.BrokerSettings;
import io.tapecast.standalone.broker.EmbeddedKafkaBroker;
import io.tapecast.standalone.broker.TopicProvisioner;
import io.tapecast.standalone.broker.TopicSettings;
import io.tapecast.worker.WorkerSettings;
import io.tapecast.worker.control.RunControls;
import io.tapecast.worker.run.BacktestRunner;
import io.tapecast.worker.run.StatusHistory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One operation is one complete backtest of {@value BenchmarkData#CANDLES} 1m candles through
 * {@code sma-crossover} with its default parameters and default engine options, so candles/s =
 * {@value BenchmarkData#CANDLES} / (time per op). The candles are generated once per fork, before any
 * measurement, and served from memory.
 * <ul>
 *   <li>{@link #a_bareLoop}: {@link BareLoop}, the same decisions over {@code double[]} (the ceiling);</li>
 *   <li>{@link #b_engine}: {@link BacktestEngine#run} with {@link BacktestListener#NONE};</li>
 *   <li>{@link #c_engineWithKafka}: the worker's {@link BacktestRunner#onKafka} over the same engine, wired as
 *       {@code BacktestWorkerConfiguration} wires it (producer settings, status-history lookup before the run, run
 *       controls, clock), publishing every event and status at the default {@link WorkerSettings} cadence to a
 *       Kafka broker in this JVM; each run has its own backtest id and ends once every record is acknowledged;</li>
 *   <li>{@link #c0_engineWithWorkerNoBroker}: a diagnostic, (c) with a {@link MockProducer} instead of the broker.</li>
 * </ul>
 * {@link BenchmarkReport} runs all three and prints candles/s and the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BacktestBenchmarks {

    /** The candles, the engine over them and the request, shared by all three benchmarks. */
    @State(Scope.Benchmark)
    public static class Market {

        BenchmarkData data;
        BacktestEngine engine;
        StartBacktest request;
        int fast;
        int slow;
        double initialCapital;
        double feeBps;

        @Setup(Level.Trial)
        public void setUp() {
            data = BenchmarkData.generate(BenchmarkData.CANDLES);
            engine = new BacktestEngine(data.source(), StrategyCatalog.defaults());
            request = data.request("benchmark");
            fast = BenchmarkData.defaultParameter("fast");
            slow = BenchmarkData.defaultParameter("slow");
            initialCapital = request.options().initialCapital();
            feeBps = request.options().feeBps();
            // The ceiling is only a ceiling if it does the same thing: same trades, same money.
            BareLoop.Result bare = BareLoop.run(data.open(), data.close(), fast, slow, initialCapital, feeBps);
            BacktestResult result = engine.run(BacktestSpec.from(request), BacktestListener.NONE);
            if (bare.trades() != result.metrics().tradeCount()
                    || Math.abs(bare.finalEquity() / result.metrics().finalEquity() - 1) > 1e-9) {
                throw new IllegalStateException("bare loop and engine disagree: " + bare + " vs trades "
                        + result.metrics().tradeCount() + ", final equity " + result.metrics().finalEquity());
            }
            System.out.printf("%n[setup] %,d candles, sma-crossover(%d, %d): %,d trades (%,d fills), final equity %.2f"
                    + " - bare loop and engine agree%n", data.size(), fast, slow, bare.trades(),
                    result.fills().size(), bare.finalEquity());
        }
    }

    /** An in-JVM Kafka broker with the platform topics, and the worker's runner publishing to it. */
    @State(Scope.Benchmark)
    public static class Kafka {

        Path dir;
        EmbeddedKafkaBroker broker;
        Producer<String, byte[]> producer;
        BacktestRunner runner;
        TopicNames topics = TopicNames.defaults();
        long runs;

        @Setup(Level.Trial)
        public void start(Market market) throws IOException {
            dir = Files.createTempDirectory("tapecast-bench-kafka-");
            broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir));
            new TopicProvisioner(TopicSettings.defaults()).provision(broker.bootstrapServers());
            producer = workerProducer(broker.bootstrapServers());
            // As BacktestWorkerConfiguration wires it: default cadence, the status history read before each run,
            // run controls (no commands arrive here), a 1 ms ticking UTC clock.
            String bootstrap = broker.bootstrapServers();
            StatusHistory history = new StatusHistory(() -> groupLessConsumer(bootstrap), topics.backtestStatus(),
                    Duration.ofSeconds(30));
            runner = BacktestRunner.onKafka(market.engine, WorkerSettings.defaults(), producer, topics, history,
                    new RunControls(), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
        }

        String nextBacktestId() {
            return "benchmark-" + (++runs);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            try {
                if (runs > 0) {
                    long events = eventsStored();
                    System.out.printf("%n[teardown] %,d runs published %,d events to %s: %,d events per run%n", runs,
                            events, topics.backtestEvents(), events / runs);
                }
            } finally {
                producer.close();
                broker.close();
                deleteRecursively(dir);
            }
        }

        private long eventsStored() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicDescription topic = admin.describeTopics(List.of(topics.backtestEvents()))
                        .allTopicNames().get().get(topics.backtestEvents());
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } catch (ExecutionException e) {
                return -1;
            }
        }
    }

    /**
     * The worker's runner over a {@link MockProducer} that acknowledges every record at once: events are built,
     * serialised to JSON and handed to a Kafka producer API, but no broker is involved. A diagnostic for (c).
     */
    @State(Scope.Benchmark)
    public static class NoBroker {

        MockProducer<String, byte[]> producer;
        BacktestRunner runner;
        long runs;

        @Setup(Level.Trial)
        public void start(Market market) {
            producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
            TopicNames topics = TopicNames.defaults();
            StatusHistory history = new StatusHistory(() -> emptyTopic(topics.backtestStatus()),
                    topics.backtestStatus(), Duration.ofSeconds(30));
            runner = BacktestRunner.onKafka(market.engine, WorkerSettings.defaults(), producer, topics, history,
                    new RunControls(), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
        }

        /** A consumer of one empty partition: no run has a status yet. */
        private static Consumer<String, byte[]> emptyTopic(String topic) {
            MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
            consumer.updateBeginningOffsets(Map.of(partition, 0L));
            consumer.updateEndOffsets(Map.of(partition, 0L));
            return consumer;
        }
    }

    /** (a) the ceiling. */
    @Benchmark
    public BareLoop.Result a_bareLoop(Market market) {
        return BareLoop.run(market.data.open(), market.data.close(), market.fast, market.slow, market.initialCapital,
                market.feeBps);
    }

    /** (b) the engine alone. */
    @Benchmark
    public BacktestResult b_engine(Market market) {
        return market.engine.run(BacktestSpec.from(market.request), BacktestListener.NONE);
    }

    /** (c) the engine publishing through the worker to the in-JVM broker. */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public void c_engineWithKafka(Market market, Kafka kafka) {
        kafka.runner.run(market.data.request(kafka.nextBacktestId()));
    }

    /** Diagnostic: (c) without the broker, to tell event building and serialisation from Kafka I/O. */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public void c0_engineWithWorkerNoBroker(Market market, NoBroker noBroker) {
        noBroker.runner.run(market.data.request("benchmark-" + (++noBroker.runs)));
        noBroker.producer.clear(); // the mock keeps every record; drop them (about a millisecond per run)
    }

    /** The worker's status-history consumer (BacktestWorkerConfiguration#groupLessConsumer). */
    static Consumer<String, byte[]> groupLessConsumer(String bootstrapServers) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tapecast-worker-benchmark-status-history");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    /** System properties {@code bench.producer.<kafka producer config>} override the worker's producer settings. */
    static final String PRODUCER_OVERRIDE_PREFIX = "bench.producer.";

    /**
     * The worker's producer (BacktestWorkerConfiguration#workerProducer), pointed at {@code bootstrapServers}; any
     * {@value #PRODUCER_OVERRIDE_PREFIX}* system property is applied on top (for experiments, never by default).
     */
    static Producer<String, byte[]> workerProducer(String bootstrapServers) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tapecast-worker-benchmark");
        // Experiments only (BENCHMARKS.md): -jvmArgsAppend -Dbench.producer.batch.size=262144 and the like.
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PRODUCER_OVERRIDE_PREFIX))
                .forEach(name -> props.put(name.substring(PRODUCER_OVERRIDE_PREFIX.length()), System.getProperty(name)));
        return new KafkaProducer<>(props);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

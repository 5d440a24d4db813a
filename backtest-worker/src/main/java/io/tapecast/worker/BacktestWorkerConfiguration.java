package io.tapecast.worker;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.market.MarketData;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.TopicNames;
import io.tapecast.worker.control.ControlReader;
import io.tapecast.worker.control.RunControls;
import io.tapecast.worker.intake.BacktestRequestListener;
import io.tapecast.worker.paper.PaperTradingConfiguration;
import io.tapecast.worker.run.BacktestRunner;
import io.tapecast.worker.run.StatusHistory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backtest worker: a consumer group member on {@code backtest.requests} that runs the engine and
 * publishes each run's events (key: the backtest id, so a run is one ordered partition). With
 * {@code tapecast.paper.enabled=true} it also runs the paper-trading accounts ({@link PaperTradingConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerSettings.class)
@Import(PaperTradingConfiguration.class)
public class BacktestWorkerConfiguration {

    private static final AtomicInteger CONSUMERS = new AtomicInteger();

    @Bean
    BacktestEngine backtestEngine(Environment environment) {
        Path dataDir = Binder.get(environment).bind("tapecast.data-dir", Path.class).orElse(Path.of("data"));
        return new BacktestEngine(new MarketData(dataDir), StrategyCatalog.defaults());
    }

    /** The worker's own producer (not a ProducerFactory bean, which would displace Boot's default template). */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> workerProducer(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tapecast-worker");
        return new KafkaProducer<>(props);
    }

    @Bean
    RunControls runControls() {
        return new RunControls();
    }

    @Bean
    ControlReader controlReader(KafkaProperties kafka, Environment environment, RunControls runControls) {
        return new ControlReader(() -> groupLessConsumer(kafka, "control"), topicNames(environment).backtestControl(), runControls);
    }

    @Bean
    BacktestRunner backtestRunner(BacktestEngine engine, WorkerSettings settings, KafkaProperties kafka,
                                  Producer<String, byte[]> workerProducer, Environment environment, RunControls runControls) {
        TopicNames topics = topicNames(environment);
        StatusHistory history = new StatusHistory(() -> groupLessConsumer(kafka, "status-history"), topics.backtestStatus(),
                Duration.ofSeconds(30));
        return BacktestRunner.onKafka(engine, settings, workerProducer, topics, history, runControls,
                Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> backtestRequestContainer(
            KafkaProperties kafka, WorkerSettings settings, Environment environment, BacktestRunner runner) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // one request per poll: a run may take minutes, and a second fetched request would wait behind it
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(props);

        ContainerProperties container = new ContainerProperties(topicNames(environment).backtestRequests());
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener(new BacktestRequestListener(runner));
        container.setClientId("tapecast-worker-" + settings.id());
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(settings.concurrency());
        // Publishing failures mean the broker is unreachable: retry the same request (the run is
        // deterministic, so it reproduces the same events) rather than skip it and lose the run.
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        listener.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return listener;
    }

    /** A consumer outside any group: it assigns partitions itself and never commits. */
    private static Consumer<String, byte[]> groupLessConsumer(KafkaProperties kafka, String purpose) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tapecast-worker-" + purpose + "-" + CONSUMERS.incrementAndGet());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    /** Bound here rather than shared as a bean, so the worker fits beside a gateway in one context. */
    private static TopicNames topicNames(Environment environment) {
        return Binder.get(environment).bind("tapecast.topics", TopicNames.class).orElseGet(TopicNames::defaults);
    }
}

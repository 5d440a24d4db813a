package io.tapecast.standalone.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.tapecast.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs its own brokers (not the shared test fixture): start, provision, produce, restart, read back. */
class EmbeddedKafkaBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void keepsTopicsAndRecordsAcrossRestartOnTheSameDirectory() throws Exception {
        String key = "stream-1";
        String value = "{\"hello\":\"tapecast\"}";
        String clusterId;
        byte[] metaProperties;
        RecordMetadata written;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir))) {
            System.out.printf("first start (with format): %d ms%n", broker.startupTime().toMillis());
            assertThat(broker.formattedStorage()).isTrue();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(broker.settings().port()).isPositive();
            assertThat(broker.settings().controllerPort()).isPositive().isNotEqualTo(broker.settings().port());
            clusterId = broker.clusterId();
            Path meta = dir.resolve(EmbeddedKafkaBroker.DATA_DIR).resolve(EmbeddedKafkaBroker.META_PROPERTIES);
            metaProperties = Files.readAllBytes(meta);

            TopicProvisioner provisioner = new TopicProvisioner(TopicSettings.defaults());
            assertThat(provisioner.provision(broker.bootstrapServers()))
                    .containsExactlyInAnyOrderElementsOf(TopicSettings.defaults().names());
            assertThat(provisioner.provision(broker.bootstrapServers())).isEmpty();

            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .containsAll(TopicSettings.defaults().names());
                Map<String, Config> configs = topicConfigs(admin, Topics.BACKTEST_STATUS, Topics.BACKTEST_EVENTS,
                        Topics.MARKET_EVENTS);
                assertThat(configs.get(Topics.BACKTEST_STATUS).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                assertThat(configs.get(Topics.BACKTEST_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .isEqualTo("-1");
                assertThat(configs.get(Topics.MARKET_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
                assertThat(admin.describeTopics(List.of(Topics.BACKTEST_EVENTS)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(Topics.BACKTEST_EVENTS).partitions()).hasSize(6);
            }

            try (KafkaProducer<String, String> producer = producer(broker)) {
                written = producer.send(new ProducerRecord<>(Topics.BACKTEST_EVENTS, key, value))
                        .get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(broker, Topics.BACKTEST_EVENTS, 1))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.key()).isEqualTo(key);
                        assertThat(r.value()).isEqualTo(value);
                    });
        }

        long restartBegin = System.nanoTime();
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(BrokerSettings.local(dir))) {
            System.out.printf("restart (existing storage): %d ms%n", again.startupTime().toMillis());
            assertThat(again.formattedStorage()).isFalse();
            assertThat(again.clusterId()).isEqualTo(clusterId);
            assertThat(Files.readAllBytes(dir.resolve(EmbeddedKafkaBroker.DATA_DIR)
                    .resolve(EmbeddedKafkaBroker.META_PROPERTIES))).isEqualTo(metaProperties);
            try (Admin admin = admin(again)) {
                assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
            }
            assertThat(new TopicProvisioner(TopicSettings.defaults()).provision(again.bootstrapServers())).isEmpty();

            List<ConsumerRecord<String, String>> records = readAll(again, Topics.BACKTEST_EVENTS, 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo(key);
                assertThat(r.value()).isEqualTo(value);
                assertThat(r.partition()).isEqualTo(written.partition());
                assertThat(r.offset()).isEqualTo(written.offset());
            });
            EmbeddedKafkaBroker closeable = again;
            closeable.close();
            assertThatCode(closeable::close).doesNotThrowAnyException();
        }
        System.out.printf("restart cycle incl. read-back and shutdown: %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartBegin));
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, Config> topicConfigs(Admin admin, String... topics) throws Exception {
        List<ConfigResource> resources = new ArrayList<>();
        for (String t : topics) {
            resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t));
        }
        Map<ConfigResource, Config> all = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<String, Config> byName = new java.util.HashMap<>();
        all.forEach((r, c) -> byName.put(r.name(), c));
        return byName;
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the whole topic from the beginning (no group) until {@code expected} records arrived. */
    static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(consumer.partitionsFor(topic, WAIT).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList());
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        assertThat(records).hasSize(expected);
        assertThat(Set.copyOf(records.stream().map(ConsumerRecord::topic).toList())).containsExactly(topic);
        return records;
    }
}

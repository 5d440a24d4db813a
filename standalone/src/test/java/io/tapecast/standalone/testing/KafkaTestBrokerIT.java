package io.tapecast.standalone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tapecast.standalone.broker.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaTestBrokerIT {

    @Test
    void sharedClusterHasThePlatformTopics() throws Exception {
        KafkaTestBroker.provisionTopics();
        KafkaTestBroker.provisionTopics();
        try (Admin admin = KafkaTestBroker.admin()) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(TopicSettings.defaults().names());
        }
        assertThat(KafkaTestBroker.bootstrapServers()).isSameAs(KafkaTestBroker.bootstrapServers());
    }

    @Test
    void roundTripsARecordThroughAConsumerGroup() throws Exception {
        String topic = KafkaTestBroker.createTopic("kafka-test-broker-it");
        Map<String, Object> producerConfig = KafkaTestBroker.clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        }

        Map<String, Object> consumerConfig = KafkaTestBroker.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.uniqueTopicName("group"));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ZERO)
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return !received.isEmpty();
                    });
            consumer.commitSync(Duration.ofSeconds(30));
        }
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k");
            assertThat(r.value()).isEqualTo("v");
        });
    }
}

package io.tapecast.worker.paper;

import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.TopicNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Paper trading in the worker, when {@code tapecast.paper.enabled=true}: one {@link PaperTrader} per account. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tapecast.paper.enabled")
@EnableConfigurationProperties(PaperSettings.class)
public class PaperTradingConfiguration {

    @Bean
    PaperTrading paperTrading(PaperSettings settings, KafkaProperties kafka, Environment environment) {
        TopicNames topics = Binder.get(environment).bind("tapecast.topics", TopicNames.class)
                .orElseGet(TopicNames::defaults);
        StrategyCatalog catalog = StrategyCatalog.defaults();
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        List<PaperTrader> traders = settings.accounts().stream().map(account -> {
            String group = settings.groupPrefix() + account.id();
            return new PaperTrader(account, catalog, topics.marketEvents(), topics.tradingEvents(),
                    consumers(kafka.buildConsumerProperties(), group), producers(kafka.buildProducerProperties(), group),
                    settings.pollTimeout(), settings.restartBackoff(), clock);
        }).toList();
        return new PaperTrading(traders);
    }

    /** The account's consumers: its own group, read_committed, offsets committed only through its transactions. */
    public static Supplier<Consumer<String, byte[]>> consumers(Map<String, Object> base, String group) {
        return () -> {
            Map<String, Object> props = new HashMap<>(base);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-consumer");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            return new KafkaConsumer<>(props);
        };
    }

    /** The account's transactional producers: transactional.id = the group, so a new instance fences an old one. */
    public static Supplier<Producer<String, byte[]>> producers(Map<String, Object> base, String transactionalId) {
        return () -> {
            Map<String, Object> props = new HashMap<>(base);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId + "-producer");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return new KafkaProducer<>(props);
        };
    }
}

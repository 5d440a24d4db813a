package io.tapecast.feed;

import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.MarketData;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.feed.publish.KafkaMarketSink;
import io.tapecast.feed.publish.StreamTail;
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
import java.util.Map;

/** The market feed: candles and their analysis, published to {@code market.events} keyed by symbol. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
@ConditionalOnBooleanProperty(name = "tapecast.feed.enabled", matchIfMissing = true)
public class MarketFeedConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> marketFeedProducer(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tapecast-market-feed");
        return new KafkaProducer<>(props);
    }

    @Bean
    MarketFeed marketFeed(FeedSettings settings, KafkaProperties kafka, Producer<String, byte[]> marketFeedProducer,
                          Environment environment) {
        String topic = Binder.get(environment).bind("tapecast.topics", TopicNames.class)
                .orElseGet(TopicNames::defaults).marketEvents();
        CandleSource source = "csv".equals(settings.source())
                ? new MarketData(Binder.get(environment).bind("tapecast.data-dir", java.nio.file.Path.class)
                        .orElse(settings.dataDir()))
                : new SyntheticCandleSource();
        KafkaMarketSink sink = new KafkaMarketSink(marketFeedProducer, topic, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
        StreamTail tail = new StreamTail(() -> consumer(kafka), topic, Duration.ofSeconds(30));
        return new MarketFeed(settings, source, sink, tail);
    }

    private static Consumer<String, byte[]> consumer(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tapecast-market-feed-tail");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}

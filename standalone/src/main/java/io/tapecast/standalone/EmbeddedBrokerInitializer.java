package io.tapecast.standalone;

import io.tapecast.schemas.TopicNames;
import io.tapecast.standalone.broker.BrokerSettings;
import io.tapecast.standalone.broker.EmbeddedKafkaBroker;
import io.tapecast.standalone.broker.TopicProvisioner;
import io.tapecast.standalone.broker.TopicSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the embedded broker and creates the topics before any Kafka client bean exists, then points
 * {@code spring.kafka.bootstrap-servers} at it. The broker is the context's first bean, so it is destroyed
 * last, after every client has stopped.
 */
final class EmbeddedBrokerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Binder binder = Binder.get(environment);
        EmbeddedBrokerProperties broker = binder.bindOrCreate("tapecast.broker", EmbeddedBrokerProperties.class);
        if (!broker.embedded()) {
            return;
        }
        Path dataDir = binder.bind("tapecast.data-dir", Path.class).orElse(Path.of("data")).toAbsolutePath();
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(new BrokerSettings(dataDir.resolve("kafka"), broker.host(),
                broker.port(), broker.controllerPort(), broker.partitions()));
        TopicNames names = binder.bind("tapecast.topics", TopicNames.class).orElseGet(TopicNames::defaults);
        TopicSettings defaults = TopicSettings.defaults();
        new TopicProvisioner(new TopicSettings(names.backtestRequests(), names.backtestControl(), names.backtestEvents(),
                names.backtestStatus(), names.marketEvents(), names.tradingEvents(), broker.partitions(),
                defaults.replicationFactor(), defaults.marketRetention(), defaults.tradingRetention()))
                .provision(kafka.bootstrapServers());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedKafka",
                Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers())));
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("embeddedKafkaBroker", EmbeddedKafkaBroker.class, () -> kafka,
                    definition -> definition.setDestroyMethodName("close"));
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-shutdown"));
        }
        log.info("embedded Kafka broker ready at {} (data in {}, started in {} ms)", kafka.bootstrapServers(),
                dataDir.resolve("kafka"), kafka.startupTime().toMillis());
    }
}

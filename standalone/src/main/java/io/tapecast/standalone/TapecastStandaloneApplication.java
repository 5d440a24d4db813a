package io.tapecast.standalone;

import io.tapecast.feed.MarketFeedConfiguration;
import io.tapecast.gateway.GatewayConfiguration;
import io.tapecast.worker.BacktestWorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The whole platform in one JVM: an embedded Apache Kafka broker (KRaft, data under
 * {@code tapecast.data-dir}), the gateway, a backtest worker and the market feed, talking through that broker exactly as
 * separate processes would.
 */
@SpringBootApplication
@Import({GatewayConfiguration.class, BacktestWorkerConfiguration.class, MarketFeedConfiguration.class})
public class TapecastStandaloneApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the platform, embedded broker first; closing the returned context stops it all. */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(TapecastStandaloneApplication.class);
        application.addInitializers(new EmbeddedBrokerInitializer());
        return application.run(args);
    }
}

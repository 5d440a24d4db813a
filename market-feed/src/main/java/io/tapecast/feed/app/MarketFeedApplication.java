package io.tapecast.feed.app;

import io.tapecast.feed.MarketFeedConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** The market feed on its own: {@code java -jar tapecast-market-feed.jar --spring.kafka.bootstrap-servers=…}. */
@SpringBootApplication
@Import(MarketFeedConfiguration.class)
public class MarketFeedApplication {

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(MarketFeedApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // No web server and only daemon threads: keep the JVM up until it is told to stop.
        application.setDefaultProperties(Map.of(
                "spring.main.keep-alive", "true",
                "spring.application.name", "tapecast-market-feed",
                "logging.level.org.apache.kafka", "WARN"));
        return application.run(args);
    }
}

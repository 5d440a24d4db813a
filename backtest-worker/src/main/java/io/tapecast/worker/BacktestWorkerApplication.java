package io.tapecast.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * A backtest worker on its own ({@code java -jar backtest-worker/target/tapecast-backtest-worker.jar}), pointed at a
 * cluster with {@code spring.kafka.bootstrap-servers}. Not a web application. Workers share
 * {@code backtest.requests} through their consumer group, so starting more adds capacity (up to the partition count).
 *
 * <p>It imports exactly what the standalone platform imports and scans nothing, so both run the same beans.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BacktestWorkerConfiguration.class)
public class BacktestWorkerApplication {

    /** Defaults of a worker process; any of them can be overridden as usual (command line, environment, file). */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "tapecast-backtest-worker",
            "spring.main.web-application-type", "none",
            "spring.lifecycle.timeout-per-shutdown-phase", "30s",
            "logging.level.org.apache.kafka", "WARN",
            "logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");

    public static void main(String[] args) {
        run(args);
    }

    /** Starts a worker; closing the returned context stops it. */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(BacktestWorkerApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(DEFAULTS);
        return application.run(args);
    }
}

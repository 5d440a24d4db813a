package io.tapecast.gateway.app;

import io.tapecast.gateway.GatewayConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The gateway on its own ({@code java -jar gateway/target/tapecast-gateway.jar}), pointed at a cluster with
 * {@code spring.kafka.bootstrap-servers}. Any number of these serve any client: they share nothing but Kafka.
 *
 * <p>Deliberately not component-scanned: {@link GatewayConfiguration} excludes boot configurations from its own
 * scan, so a platform that imports the gateway as a library (the standalone) never picks this class up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(GatewayConfiguration.class)
public class GatewayApplication {

    /** Defaults of a gateway process; any of them can be overridden as usual (command line, environment, file). */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "tapecast-gateway",
            "server.shutdown", "graceful",
            "spring.lifecycle.timeout-per-shutdown-phase", "10s",
            "server.error.include-stacktrace", "never",
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            // session and catch-up logs carry the stream and session in the MDC; show them on every line
            "logging.pattern.correlation", "[%X{stream_id:-} %X{session_id:-}] ",
            "logging.level.org.apache.kafka", "WARN",
            "logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");

    public static void main(String[] args) {
        run(args);
    }

    /** Starts a gateway node; closing the returned context stops it (sessions are closed with 1001 first). */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(DEFAULTS);
        return application.run(args);
    }
}

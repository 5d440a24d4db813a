package io.tapecast.standalone.e2e;

import io.tapecast.gateway.app.GatewayApplication;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One more gateway process, as {@code java -jar tapecast-gateway.jar} would start it (its own Spring context, its
 * own Kafka readers, a random port), on the shared test broker. Sharing nothing with other gateways but Kafka.
 */
final class GatewayNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String nodeId;

    private GatewayNode(List<String> extraArgs) {
        KafkaTestBroker.provisionTopics();
        this.nodeId = "gw-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tapecast.gateway.node-id=" + nodeId,
                "--spring.jmx.enabled=false",
                "--management.endpoints.web.exposure.include=health,info,prometheus"));
        if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--tapecast.security.enabled="))) {
            args.add("--tapecast.security.enabled=false"); // delivery tests; the security ITs turn it on
        }
        args.addAll(extraArgs);
        this.context = GatewayApplication.run(args.toArray(String[]::new));
    }

    static GatewayNode start(String... extraArgs) {
        return new GatewayNode(List.of(extraArgs));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String nodeId() {
        return nodeId;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    RestClient rest() {
        return new RestClient(port());
    }

    String streamUrl(String backtestId) {
        return "ws://127.0.0.1:" + port() + "/api/ws/stream/backtest/" + backtestId;
    }

    @Override
    public void close() {
        context.close();
    }
}

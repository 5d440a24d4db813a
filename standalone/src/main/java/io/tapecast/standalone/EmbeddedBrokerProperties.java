package io.tapecast.standalone;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded broker of the standalone platform, under {@code tapecast.broker}.
 *
 * @param embedded       start the in-JVM broker; {@code false} uses {@code spring.kafka.bootstrap-servers} instead
 * @param host           the address the broker binds to and advertises
 * @param port           the client port ({@code 0}: any free port)
 * @param controllerPort the KRaft controller port ({@code 0}: any free port)
 * @param partitions     partitions of each platform topic it creates
 */
public record EmbeddedBrokerProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("9092") int port,
        @DefaultValue("9093") int controllerPort,
        @DefaultValue("6") int partitions) {
}

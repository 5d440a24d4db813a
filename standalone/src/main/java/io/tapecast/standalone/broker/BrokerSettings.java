package io.tapecast.standalone.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the single-node embedded Kafka broker ({@link EmbeddedKafkaBroker}).
 *
 * @param logDir            directory that holds all broker state (metadata log and topic data); formatted on
 *                          first start, reused afterwards
 * @param host              address both listeners bind to and the broker advertises ({@code 127.0.0.1} in tests);
 *                          a wildcard address ({@code 0.0.0.0} or {@code ::}) binds everywhere and advertises
 *                          {@code localhost}
 * @param port              client (PLAINTEXT) listener port; {@code 0} picks a free port at start
 * @param controllerPort    KRaft controller listener port; {@code 0} picks a free port at start
 * @param partitionsDefault {@code num.partitions} for topics created without an explicit count
 */
public record BrokerSettings(Path logDir, String host, int port, int controllerPort, int partitionsDefault) {

    /** Loopback address used by {@link #local(Path)}. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Default {@code num.partitions}. */
    public static final int DEFAULT_PARTITIONS = 6;

    public BrokerSettings {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        host = host.strip();
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        if (partitionsDefault < 1) {
            throw new IllegalArgumentException("partitionsDefault must be at least 1, was " + partitionsDefault);
        }
    }

    /** Loopback-only broker on free ports with {@value #DEFAULT_PARTITIONS} default partitions. */
    public static BrokerSettings local(Path logDir) {
        return new BrokerSettings(logDir, LOOPBACK, 0, 0, DEFAULT_PARTITIONS);
    }

    public BrokerSettings withPorts(int newPort, int newControllerPort) {
        return new BrokerSettings(logDir, host, newPort, newControllerPort, partitionsDefault);
    }

    /** True when the broker binds a wildcard address rather than one interface. */
    public boolean bindsWildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be within 0..65535, was " + value);
        }
    }
}

package io.tapecast.standalone.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static final Path DIR = Path.of("/tmp/broker");

    @Test
    void validates() {
        assertThatThrownBy(() -> new BrokerSettings(null, "127.0.0.1", 0, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BrokerSettings(DIR, " ", 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerSettings(DIR, "h", -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerSettings(DIR, "h", 0, 70_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerSettings(DIR, "h", 9092, 9092, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerSettings(DIR, "h", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BrokerSettings.local(DIR)).isEqualTo(new BrokerSettings(DIR, "127.0.0.1", 0, 0, 6));
    }

    @Test
    void singleNodeBrokerProperties() {
        BrokerSettings s = new BrokerSettings(DIR, "127.0.0.1", 19092, 19093, 4);
        Properties p = EmbeddedKafkaBroker.brokerProperties(s, DIR.resolve("kafka-data"));
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", DIR.resolve("kafka-data").toString())
                .containsEntry("num.partitions", "4")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void wildcardHostAdvertisesLocalhostAndIpv6IsBracketed() {
        Properties any = EmbeddedKafkaBroker.brokerProperties(new BrokerSettings(DIR, "0.0.0.0", 1, 2, 1), DIR);
        assertThat(any).containsEntry("advertised.listeners", "PLAINTEXT://localhost:1")
                .containsEntry("listeners", "PLAINTEXT://0.0.0.0:1,CONTROLLER://0.0.0.0:2");
        assertThat(EmbeddedKafkaBroker.hostPort("::1", 9092)).isEqualTo("[::1]:9092");
        assertThat(EmbeddedKafkaBroker.hostPort("[::1]", 9092)).isEqualTo("[::1]:9092");
    }
}

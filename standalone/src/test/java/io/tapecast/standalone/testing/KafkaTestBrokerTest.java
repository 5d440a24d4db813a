package io.tapecast.standalone.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapecast.standalone.testing.KafkaTestBroker.Mode;
import org.junit.jupiter.api.Test;

class KafkaTestBrokerTest {

    @Test
    void unsetMavenPropertiesCountAsUnset() {
        assertThat(KafkaTestBroker.isUnset(null)).isTrue();
        assertThat(KafkaTestBroker.isUnset("")).isTrue();
        assertThat(KafkaTestBroker.isUnset("  ")).isTrue();
        assertThat(KafkaTestBroker.isUnset("${kafka.bootstrap-servers}")).isTrue();
        assertThat(KafkaTestBroker.isUnset("${kafka.broker}")).isTrue();
        assertThat(KafkaTestBroker.isUnset("localhost:9092")).isFalse();
    }

    @Test
    void choosesTheMode() {
        assertThat(KafkaTestBroker.mode(null, null)).isEqualTo(Mode.EMBEDDED);
        assertThat(KafkaTestBroker.mode("${kafka.bootstrap-servers}", "${kafka.broker}")).isEqualTo(Mode.EMBEDDED);
        assertThat(KafkaTestBroker.mode("", "")).isEqualTo(Mode.EMBEDDED);
        assertThat(KafkaTestBroker.mode("", "embedded")).isEqualTo(Mode.EMBEDDED);
        assertThat(KafkaTestBroker.mode("", "testcontainers")).isEqualTo(Mode.TESTCONTAINERS);
        assertThat(KafkaTestBroker.mode("broker:9092", "testcontainers")).isEqualTo(Mode.EXTERNAL);
        assertThatThrownBy(() -> KafkaTestBroker.mode(null, "zookeeper")).isInstanceOf(IllegalStateException.class);
    }
}

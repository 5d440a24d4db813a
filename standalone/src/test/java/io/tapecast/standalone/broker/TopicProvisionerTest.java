package io.tapecast.standalone.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tapecast.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void defaultsUseTheSchemaTopicNames() {
        TopicSettings s = TopicSettings.defaults();
        assertThat(s.names()).containsExactly(Topics.BACKTEST_REQUESTS, Topics.BACKTEST_CONTROL,
                Topics.BACKTEST_EVENTS, Topics.BACKTEST_STATUS, Topics.MARKET_EVENTS, Topics.TRADING_EVENTS);
        assertThat(s.partitions()).isEqualTo(6);
        assertThat(s.replicationFactor()).isEqualTo((short) 1);
        assertThat(s.marketRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void topicsCarryTheirConfigs() {
        Map<String, NewTopic> topics = new TopicProvisioner(TopicSettings.defaults().withPartitions(3))
                .newTopics().stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));
        assertThat(topics).hasSize(6);
        assertThat(topics.values()).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(3);
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
        });
        assertThat(topics.get(Topics.BACKTEST_EVENTS).configs()).containsEntry("retention.ms", "-1");
        assertThat(topics.get(Topics.BACKTEST_STATUS).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get(Topics.MARKET_EVENTS).configs()).containsEntry("retention.ms", "604800000");
        assertThat(topics.get(Topics.TRADING_EVENTS).configs()).containsEntry("retention.ms", "604800000");
        assertThat(topics.get(Topics.BACKTEST_REQUESTS).configs()).isEmpty();
    }

    @Test
    void rejectsBadSettings() {
        TopicSettings d = TopicSettings.defaults();
        assertThatThrownBy(() -> d.withPartitions(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withReplicationFactor((short) 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSettings("a b", "c", "d", "e", "f", "g", 1, (short) 1,
                Duration.ofDays(1), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSettings("a", "a", "d", "e", "f", "g", 1, (short) 1,
                Duration.ofDays(1), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSettings("a", "b", "d", "e", "f", "g", 1, (short) 1,
                Duration.ZERO, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicProvisioner(d, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

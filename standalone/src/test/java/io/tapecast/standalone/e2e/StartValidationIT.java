package io.tapecast.standalone.e2e;

import io.tapecast.schemas.Topics;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StartValidationIT extends PlatformTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing symbol       | {"timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"]} | symbol
            missing strategies   | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01"} | strategy_ids
            end before start     | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-03-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"]} | end_date
            unknown strategy     | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["moon-shot"]} | strategy_ids[0]
            unknown timeframe    | {"symbol":"BTC-USD","timeframes":["2h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"]} | timeframes[0]
            bad date             | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"01/02/2024","end_date":"2024-02-01","strategy_ids":["sma-crossover"]} | start_date
            negative capital     | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"],"initial_capital":-1} | initial_capital
            capital not a number | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"],"initial_capital":"lots"} | initial_capital
            unknown field        | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_id":["sma-crossover"]} | strategy_id
            bad parameter        | {"symbol":"BTC-USD","timeframes":["1h"],"start_date":"2024-01-01","end_date":"2024-02-01","strategy_ids":["sma-crossover"],"params":{"sma-crossover":{"slow":2,"fast":9}}} | params.sma-crossover.slow
            malformed JSON       | {"symbol":"BTC-USD", | body
            empty body           | '' | body
            """)
    void badInputIsA400ProblemNamingTheFieldAndNothingReachesKafka(String name, String body, String field) {
        long requestsBefore = endOffsetSum(Topics.BACKTEST_REQUESTS);
        long statusBefore = endOffsetSum(Topics.BACKTEST_STATUS);

        RestClient.Response response = rest().post("/api/backtesting/start", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(endOffsetSum(Topics.BACKTEST_REQUESTS)).isEqualTo(requestsBefore);
        assertThat(endOffsetSum(Topics.BACKTEST_STATUS)).isEqualTo(statusBefore);
    }

    @Test
    void anUnknownBacktestIsA404Problem() {
        RestClient.Response response = rest().get("/api/backtesting/backtest_19990101_000000_nosuch");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void strategiesAreListedWithTheirParametersAndDefaults() {
        JsonNode strategies = rest().get("/api/strategies").json();
        JsonNode sma = strategies.valueStream().filter(s -> "sma-crossover".equals(s.path("id").asString())).findFirst().orElseThrow();
        assertThat(sma.path("description").asString()).isNotBlank();
        assertThat(sma.path("parameters").valueStream().map(p -> p.path("name").asString())).contains("fast", "slow");
        assertThat(sma.path("parameters").valueStream().filter(p -> "fast".equals(p.path("name").asString()))
                .findFirst().orElseThrow().path("default_value").asDouble()).isEqualTo(10);
    }

    private static long endOffsetSum(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}

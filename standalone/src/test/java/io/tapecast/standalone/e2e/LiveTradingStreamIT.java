package io.tapecast.standalone.e2e;

import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.Topics;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's side of live trading: whatever a trader publishes to {@code trading.events} reaches the clients
 * that asked for its symbols, account-level events reach everyone, and a joining client gets the latest state first.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiveTradingStreamIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String url(String query) {
        return "ws://127.0.0.1:" + port + "/api/ws/stream/live-trading" + query;
    }

    @Test
    void clientsGetTheirSymbolsAndTheAccountLevelEventsAndLateJoinersGetTheLatestState() throws Exception {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 6);
        try (WsClient btc = WsClient.connect(url("?symbols=BTC-USD"));
             WsClient all = WsClient.connect(url(""))) {
            btc.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            all.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            publish(account, 1, "order", "BTC-USD");
            publish(account, 2, "position", "BTC-USD");
            publish(account, 3, "order", "ETH-USD");
            publish(account, 4, "position", "ETH-USD");
            publish(account, 5, "pnl", null);
            publish(account, 6, "risk", null);
            all.awaitFrame(m -> account.equals(m.path("stream_id").asString()) && m.path("seq").asLong() == 6, WAIT);
            btc.awaitFrame(m -> account.equals(m.path("stream_id").asString()) && m.path("seq").asLong() == 6, WAIT);
            assertThat(seqs(btc, account)).containsExactly(1L, 2L, 5L, 6L);
            assertThat(seqs(all, account)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
        try (WsClient late = WsClient.connect(url("?symbols=eth-usd"))) {
            late.awaitFrame(m -> account.equals(m.path("stream_id").asString()) && m.path("seq").asLong() == 6, WAIT);
            assertThat(seqs(late, account)).containsExactly(4L, 5L, 6L);
        }
    }

    @Test
    void aMalformedSymbolIsClosedWith4400() {
        try (WsClient client = WsClient.connect(url("?symbols=BTC%20USD!"))) {
            assertThat(client.awaitClose(WAIT)).isEqualTo(4400);
        }
    }

    private static List<Long> seqs(WsClient client, String account) {
        return client.messages().stream().filter(m -> account.equals(m.path("stream_id").asString()))
                .map(m -> m.path("seq").asLong()).toList();
    }

    private static void publish(String account, long seq, String type, String symbol) throws Exception {
        String json = """
                {"type":"%s","timestamp":"2026-01-01T00:00:00Z","stream":"live-trading","stream_id":"%s","seq":%d,"data":{}}
                """.formatted(type, account, seq).trim();
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRADING_EVENTS, account, json.getBytes(StandardCharsets.UTF_8));
            record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(type));
            record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
            if (symbol != null) {
                record.headers().add("symbol", symbol.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

}

package io.tapecast.standalone.paper;

import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.testing.WireSchemaValidator;
import io.tapecast.standalone.testing.KafkaTestBroker;
import io.tapecast.worker.paper.PaperSettings;
import io.tapecast.worker.paper.PaperTrader;
import io.tapecast.worker.paper.PaperTradingConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Paper trading through the real broker: scripted candles on a fresh market topic → {@link PaperTrader} →
 * a fresh trading topic read with read_committed. The path (sma-crossover fast 1 / slow 2 compares each close with
 * the previous one, so it buys the first up close after a down close and exits on the first down close after an up
 * close; signals fill at the next open):
 * <pre>
 *  i  BTC-USD open→close  signal       fill              ETH-USD: always up, never trades
 *  2   99 → 101           ENTER_LONG
 *  3  102 → 104                        buy  u1 at 102
 *  4  104 → 103           EXIT_LONG
 *  5  101 → 105           ENTER_LONG   sell u1 at 101
 *  6  106 → 107                        buy  u2 at 106
 *  7  107 → 108                        (u2 marked at 108)
 * </pre>
 * Capital 10,000 = 5,000 per symbol, fee 10 bps.
 */
class PaperTradingIT {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final double[][] BTC = {{100, 100}, {100, 99}, {99, 101}, {102, 104}, {104, 103}, {101, 105},
            {106, 107}, {107, 108}};
    private static final double[][] ETH = {{50, 50}, {50, 51}, {51, 52}, {52, 53}, {53, 54}, {54, 55}, {55, 56},
            {56, 57}};
    private static final double FEE = 0.001;
    private static final double U1 = 5_000 / (102 * (1 + FEE));
    private static final double FEE1 = 102 * U1 * FEE;
    private static final double FEE2 = 101 * U1 * FEE;
    private static final double PNL1 = (101 - 102) * U1 - FEE1 - FEE2;
    private static final double U2 = (5_000 + PNL1) / (106 * (1 + FEE));
    private static final double FEE3 = 106 * U2 * FEE;
    private static final double FINAL_EQUITY = 10_000 + PNL1 - FEE3 + U2 * (108 - 106);

    /** Events for candles 0..4: t0–t2 pnl+risk, t3 order+position+pnl+risk, t4 pnl+risk. */
    private static final int EVENTS_TO_T4 = 12;
    /** Then t5 order+position+pnl+risk, t6 the same, t7 pnl+risk. */
    private static final int EVENTS_TO_T7 = 22;

    private String marketTopic;
    private String tradingTopic;
    private Producer<String, byte[]> market;
    private final List<Thread> threads = new ArrayList<>();
    private final List<PaperTrader> traders = new ArrayList<>();
    private long marketSeq;

    @BeforeEach
    void topics() {
        marketTopic = KafkaTestBroker.createTopic("paper-market", 2, Map.of());
        tradingTopic = KafkaTestBroker.createTopic("paper-trading");
        Map<String, Object> props = KafkaTestBroker.clientConfig();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        market = new KafkaProducer<>(props);
    }

    @AfterEach
    void stop() throws InterruptedException {
        traders.forEach(PaperTrader::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        market.close();
    }

    @Test
    void tradesTheScriptedPathAndResumesAfterARestartWithoutDoubleCounting() throws Exception {
        String account = "it-" + UUID.randomUUID().toString().substring(0, 8);
        // BTC runs ahead of ETH: the account waits for ETH before it trades BTC's candles of the same minute
        publish("BTC-USD", BTC, 0, 5);
        publish("ETH-USD", ETH, 0, 5);

        PaperTrader first = start(account);
        List<ConsumerRecord<String, byte[]>> beforeStop = awaitEvents(account, EVENTS_TO_T4);
        first.stop();
        threads.get(0).join(10_000);
        assertThat(threads.get(0).isAlive()).isFalse();
        assertThat(first.lastSeq()).isEqualTo(EVENTS_TO_T4);

        // the market moves on while the trader is down
        publish("BTC-USD", BTC, 5, 8);
        publish("ETH-USD", ETH, 5, 8);
        PaperTrader second = start(account);
        List<ConsumerRecord<String, byte[]>> all = awaitEvents(account, EVENTS_TO_T7);
        assertThat(second.replayedCandles()).as("the state was rebuilt from the 10 candles before the stop")
                .isEqualTo(10);
        assertThat(all.subList(0, EVENTS_TO_T4)).extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(beforeStop.stream().map(ConsumerRecord::offset).toList());

        List<JsonNode> events = all.stream().map(r -> WireJson.mapper().readTree(r.value())).toList();
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, byte[]> record = all.get(i);
            JsonNode event = events.get(i);
            WireSchemaValidator.assertValid(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(event.get("seq").asLong()).as("seq without gaps or repeats").isEqualTo(i + 1);
            assertThat(event.get("stream").asString()).isEqualTo(StreamType.LIVE_TRADING.wireName());
            assertThat(event.get("stream_id").asString()).isEqualTo(account);
            assertThat(record.key()).isEqualTo(account);
            String type = event.get("type").asString();
            assertThat(header(record, RecordHeaders.TYPE)).isEqualTo(type);
            assertThat(RecordHeaders.decodeSeq(record.headers().lastHeader(RecordHeaders.SEQ).value())).isEqualTo(i + 1);
            if (type.equals("order") || type.equals("position")) {
                assertThat(header(record, RecordHeaders.SYMBOL)).isEqualTo(event.at("/data/symbol").asString());
            } else {
                assertThat(header(record, RecordHeaders.SYMBOL)).isNull();
            }
        }
        assertThat(events.stream().map(e -> e.get("type").asString()).toList()).containsExactly(
                "pnl", "risk", "pnl", "risk", "pnl", "risk",
                "order", "position", "pnl", "risk",
                "pnl", "risk",
                "order", "position", "pnl", "risk",
                "order", "position", "pnl", "risk",
                "pnl", "risk");
        assertThat(events.stream().filter(e -> e.get("type").asString().equals("order"))
                .map(e -> e.at("/data/order_id").asString()).toList())
                .containsExactly(account + "-1", account + "-2", account + "-3");

        JsonNode buy = events.get(6).get("data");
        assertThat(buy.get("price").asDouble()).isEqualTo(102);
        assertThat(buy.get("quantity").asDouble()).isCloseTo(U1, within(1e-9));
        JsonNode sell = events.get(12).get("data");
        assertThat(sell.get("price").asDouble()).isEqualTo(101);
        assertThat(sell.get("realized_pnl").asDouble()).isCloseTo(PNL1, within(1e-9));
        JsonNode lastPnl = events.get(20).get("data");
        assertThat(lastPnl.get("time").asString()).isEqualTo(T0.plusSeconds(420).toString());
        assertThat(lastPnl.get("equity").asDouble()).isCloseTo(FINAL_EQUITY, within(1e-9));
        assertThat(lastPnl.get("realized_pnl").asDouble()).isCloseTo(PNL1 - FEE3, within(1e-9));
        assertThat(lastPnl.get("unrealized_pnl").asDouble()).isCloseTo(U2 * 2, within(1e-9));
        assertThat(lastPnl.get("orders").asLong()).isEqualTo(3);
        JsonNode lastRisk = events.get(21).get("data");
        assertThat(lastRisk.get("gross_exposure").asDouble()).isCloseTo(U2 * 108, within(1e-9));
        assertThat(lastRisk.get("largest_position_symbol").asString()).isEqualTo("BTC-USD");

        // the same account without a restart publishes the same events (timestamps aside)
        String reference = "ref-" + UUID.randomUUID().toString().substring(0, 8);
        start(reference);
        List<JsonNode> uninterrupted = awaitEvents(reference, EVENTS_TO_T7).stream()
                .map(r -> WireJson.mapper().readTree(r.value())).toList();
        assertThat(uninterrupted.stream().filter(e -> e.get("type").asString().equals("order"))
                .map(e -> e.at("/data/order_id").asString()).toList())
                .containsExactly(reference + "-1", reference + "-2", reference + "-3");
        assertThat(uninterrupted.stream().map(e -> e.get("seq").asLong()).toList())
                .isEqualTo(events.stream().map(e -> e.get("seq").asLong()).toList());
        assertThat(strip(uninterrupted)).isEqualTo(strip(events));
    }

    @Test
    void aTransactionThatFailsToCommitIsAbortedAndTheAccountRebuiltFromTheCommittedState() throws Exception {
        publish("BTC-USD", BTC, 0, 8);
        publish("ETH-USD", ETH, 0, 8);
        String account = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        // small polls: many transactions; the third one fails right before its commit
        AtomicInteger commits = new AtomicInteger();
        Supplier<Producer<String, byte[]>> real = PaperTradingConfiguration.producers(KafkaTestBroker.clientConfig(),
                PaperSettings.DEFAULT_GROUP_PREFIX + account);
        Supplier<Producer<String, byte[]>> failing = () -> failingThirdCommit(real.get(), commits);
        PaperTrader trader = start(account, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5), failing);
        List<JsonNode> events = awaitEvents(account, EVENTS_TO_T7).stream()
                .map(r -> WireJson.mapper().readTree(r.value())).toList();
        assertThat(commits.get()).as("the failure happened").isGreaterThan(3);
        assertThat(trader.replayedCandles()).as("the rebuild replayed the committed candles").isPositive();
        assertThat(events.stream().map(e -> e.get("seq").asLong()).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, EVENTS_TO_T7).boxed().toList());
        assertThat(events.get(20).at("/data/equity").asDouble()).isCloseTo(FINAL_EQUITY, within(1e-9));
        assertThat(events.stream().filter(e -> e.get("type").asString().equals("order"))
                .map(e -> e.at("/data/order_id").asString()).toList())
                .containsExactly(account + "-1", account + "-2", account + "-3");
    }

    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> failingThirdCommit(Producer<String, byte[]> delegate, AtomicInteger commits) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitTransaction") && commits.incrementAndGet() == 3) {
                        throw new KafkaException("simulated crash before the commit");
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<JsonNode> strip(List<JsonNode> events) {
        return events.stream().map(e -> {
            tools.jackson.databind.node.ObjectNode data = (tools.jackson.databind.node.ObjectNode) e.get("data").deepCopy();
            data.remove("order_id");
            return (JsonNode) data;
        }).toList();
    }

    private PaperTrader start(String accountId) throws InterruptedException {
        Map<String, Object> base = KafkaTestBroker.clientConfig();
        return start(accountId, Map.of(), PaperTradingConfiguration.producers(base,
                PaperSettings.DEFAULT_GROUP_PREFIX + accountId));
    }

    private PaperTrader start(String accountId, Map<String, Object> consumerProps,
                              Supplier<Producer<String, byte[]>> producers) throws InterruptedException {
        PaperSettings.Account account = new PaperSettings.Account(accountId, List.of("BTC-USD", "ETH-USD"), "1m",
                List.of(), List.of("sma-crossover"), Map.of("sma-crossover", Map.of("fast", 1.0, "slow", 2.0)),
                10_000.0, 10.0, null, null, null, null, "earliest");
        Map<String, Object> base = KafkaTestBroker.clientConfig();
        base.putAll(consumerProps);
        String group = PaperSettings.DEFAULT_GROUP_PREFIX + accountId;
        PaperTrader trader = new PaperTrader(account, StrategyCatalog.defaults(), marketTopic, tradingTopic,
                PaperTradingConfiguration.consumers(base, group), producers,
                Duration.ofMillis(100), Duration.ofMillis(500), Clock.systemUTC());
        Thread thread = new Thread(trader, "paper-it-" + accountId);
        thread.setDaemon(true);
        thread.start();
        traders.add(trader);
        threads.add(thread);
        assertThat(trader.awaitLive(Duration.ofSeconds(60))).isTrue();
        return trader;
    }

    /** Publishes closed 1m candles [from, to) of a symbol, with a forming update and a 5m candle as noise. */
    private void publish(String symbol, double[][] path, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            double open = path[i][0];
            double close = path[i][1];
            Instant time = T0.plusSeconds(60L * i);
            double high = Math.max(open, close);
            double low = Math.min(open, close);
            send(symbol, new CandleEvent(symbol, "1m", time, open, high, low, open, 1, false), "1m");
            send(symbol, new CandleEvent(symbol, "1m", time, open, high, low, close, 1, true), "1m");
            send(symbol, new CandleEvent(symbol, "5m", T0, 1, 1_000, 0.5, 500, 1, true), "5m");
        }
        market.flush();
    }

    private void send(String symbol, CandleEvent candle, String timeframe) throws Exception {
        byte[] value = WireJson.mapper().writeValueAsBytes(
                Envelope.event(StreamType.MARKET_DATA, symbol, ++marketSeq, Instant.now(), candle));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(marketTopic, symbol, value);
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType("candle"));
        record.headers().add(RecordHeaders.TIMEFRAME, RecordHeaders.encodeType(timeframe));
        market.send(record).get();
    }

    /** Reads the account's committed events from the start until {@code count} are there (and checks no more come). */
    private List<ConsumerRecord<String, byte[]>> awaitEvents(String account, int count) throws InterruptedException {
        Map<String, Object> props = new HashMap<>(KafkaTestBroker.clientConfig());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(tradingTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (account.equals(record.key())) {
                        out.add(record);
                    }
                }
            }
            // nothing beyond what the script produces
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(1_000))) {
                if (account.equals(record.key())) {
                    out.add(record);
                }
            }
        }
        assertThat(out).as("events of " + account).hasSize(count);
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

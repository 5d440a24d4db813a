package io.tapecast.worker.paper;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.market.CandleEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One paper account on Kafka: consumes the closed driving candles of its symbols from {@code market.events},
 * runs a {@link PaperAccount} and publishes its payloads to {@code trading.events} (key and {@code stream_id} = the
 * account id, headers {@code type}, {@code seq} and — on {@code order} and {@code position} — {@code symbol}).
 * <p>
 * <strong>Exactly once.</strong> Each poll's output is published in one Kafka transaction (transactional id = the
 * account's group id) together with the consumer offsets reached, committed to the account's own group with
 * {@code sendOffsetsToTransaction}. Either the events and the offsets are both committed or neither is, so a
 * {@code read_committed} reader of {@code trading.events} sees each order once. A second instance of the account
 * fences the first ({@code initTransactions}), and aborts its unfinished transaction.
 * <p>
 * <strong>Restart.</strong> The account's state (strategies' indicators, positions, cash, pending orders, risk
 * history, order counter) is not stored: it is rebuilt on start by replaying the account's candles from its
 * <em>origin</em> up to the committed offsets without publishing, then consumption continues from the committed
 * offsets. Because {@link PaperAccount} depends only on each symbol's candle sequence, the rebuilt state equals the
 * state before the stop. The commit metadata of every partition records {@code origin} (the offset where the account
 * started: the end of the topic at the first start, or its beginning with {@code start-from: earliest}) and the last
 * published {@code seq}, which the restart continues from. If retention has deleted candles after the origin, the
 * replay starts at the earliest retained one and a warning is logged (positions and indicators may then differ from
 * before; seq still continues without a gap). Any failure (broker unreachable, a transaction that cannot commit)
 * discards the in-memory account and rebuilds it the same way after {@code restartBackoff}.
 */
public final class PaperTrader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PaperTrader.class);

    private final PaperSettings.Account account;
    private final StrategyCatalog catalog;
    private final String marketTopic;
    private final String tradingTopic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Duration pollTimeout;
    private final Duration restartBackoff;
    private final Clock clock;
    private final String driving;

    private volatile boolean running = true;
    private volatile boolean fenced;
    private volatile long lastSeq;
    private volatile long replayedCandles;
    private volatile CountDownLatch live = new CountDownLatch(1);

    /**
     * @param consumers a new consumer in the account's group each time: {@code isolation.level=read_committed},
     *                  auto commit off, String keys, byte[] values
     * @param producers a new producer with {@code transactional.id} for the account, String keys, byte[] values
     */
    public PaperTrader(PaperSettings.Account account, StrategyCatalog catalog, String marketTopic, String tradingTopic,
                       Supplier<Consumer<String, byte[]>> consumers, Supplier<Producer<String, byte[]>> producers,
                       Duration pollTimeout, Duration restartBackoff, Clock clock) {
        this.account = account;
        this.catalog = catalog;
        this.marketTopic = marketTopic;
        this.tradingTopic = tradingTopic;
        this.consumers = consumers;
        this.producers = producers;
        this.pollTimeout = pollTimeout;
        this.restartBackoff = restartBackoff;
        this.clock = clock;
        this.driving = account.timeframe();
        new PaperAccount(account, catalog); // fail fast on an invalid configuration
    }

    public String accountId() {
        return account.id();
    }

    /** The seq of the last event published (or restored). */
    public long lastSeq() {
        return lastSeq;
    }

    /** Candles replayed by the last (re)start to rebuild the state. */
    public long replayedCandles() {
        return replayedCandles;
    }

    /** True once another instance of the account took over; this one then stops. */
    public boolean fenced() {
        return fenced;
    }

    /** Waits until the state is rebuilt and the trader consumes new candles. */
    public boolean awaitLive(Duration timeout) throws InterruptedException {
        return live.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops after the current poll (at most the poll timeout); the current transaction completes first. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                session();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fenced = true;
                running = false;
                log.warn("paper account {}: another instance took over ({}); stopping this one", account.id(),
                        e.getMessage());
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.error("paper account {} failed; rebuilding it from the committed state in {}", account.id(),
                        restartBackoff, e);
                sleep(restartBackoff);
            }
        }
    }

    private void session() {
        live = live.getCount() == 0 ? new CountDownLatch(1) : live;
        try (Producer<String, byte[]> producer = producers.get();
             Consumer<String, byte[]> consumer = consumers.get()) {
            producer.initTransactions();
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            PaperAccount state = new PaperAccount(account, catalog);
            Map<TopicPartition, Long> origins = new HashMap<>();
            long seq = restore(consumer, partitions, state, origins);
            lastSeq = seq;
            live.countDown();
            log.info("paper account {} live on {} partitions of {} (seq {}, {} candles replayed)", account.id(),
                    partitions.size(), marketTopic, seq, replayedCandles);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
                if (records.isEmpty()) {
                    continue;
                }
                List<PaperAccount.Output> outputs = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(state, record, outputs);
                }
                producer.beginTransaction();
                try {
                    for (PaperAccount.Output output : outputs) {
                        seq++;
                        producer.send(eventRecord(seq, output));
                    }
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (TopicPartition p : partitions) {
                        offsets.put(p, new OffsetAndMetadata(consumer.position(p), metadata(origins.get(p), seq)));
                    }
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                } catch (ProducerFencedException | InvalidProducerEpochException e) {
                    throw e;
                } catch (RuntimeException e) {
                    try {
                        producer.abortTransaction();
                    } catch (RuntimeException abortFailure) {
                        e.addSuppressed(abortFailure);
                    }
                    throw e;
                }
                lastSeq = seq;
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(marketTopic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(marketTopic, i.partition())).toList();
            }
            log.warn("paper account {}: topic {} not found yet; waiting for it", account.id(), marketTopic);
            sleep(Duration.ofSeconds(1));
        }
        return List.of();
    }

    /** Rebuilds the account from its origin to the committed offsets, leaves the consumer there; returns the seq. */
    private long restore(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, PaperAccount state,
                         Map<TopicPartition, Long> origins) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        boolean resumed = committed.values().stream().anyMatch(m -> m != null);
        Map<TopicPartition, Long> ends = new HashMap<>();
        long storedSeq = 0;
        if (resumed) {
            for (TopicPartition p : partitions) {
                OffsetAndMetadata m = committed.get(p);
                if (m == null) {
                    // a partition added since: start it at its beginning
                    origins.put(p, beginning.get(p));
                    ends.put(p, beginning.get(p));
                } else {
                    Map<String, String> meta = parse(m.metadata());
                    origins.put(p, Long.parseLong(meta.getOrDefault("origin", "0")));
                    ends.put(p, m.offset());
                    storedSeq = Math.max(storedSeq, Long.parseLong(meta.getOrDefault("seq", "0")));
                }
            }
        } else {
            Map<TopicPartition, Long> start = account.startFromEarliest() ? beginning : consumer.endOffsets(partitions);
            origins.putAll(start);
            ends.putAll(start);
        }
        long replayedEvents = 0;
        long candles = 0;
        Map<TopicPartition, Long> remaining = new HashMap<>();
        for (TopicPartition p : partitions) {
            long from = origins.get(p);
            if (from < beginning.get(p)) {
                log.warn("paper account {}: candles of {} from offset {} are no longer retained; the state is rebuilt"
                        + " from offset {} and may differ from before the restart", account.id(), p, from,
                        beginning.get(p));
                from = beginning.get(p);
            }
            if (ends.get(p) > from) {
                remaining.put(p, ends.get(p));
                consumer.seek(p, from);
            }
        }
        while (!remaining.isEmpty() && running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
                TopicPartition p = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(p);
                if (end == null || record.offset() >= end) {
                    continue;
                }
                List<PaperAccount.Output> outputs = new ArrayList<>();
                if (apply(state, record, outputs)) {
                    candles++;
                }
                replayedEvents += outputs.size();
            }
            remaining.keySet().removeIf(p -> consumer.position(p) >= remaining.get(p));
        }
        for (TopicPartition p : partitions) {
            consumer.seek(p, ends.get(p));
        }
        replayedCandles = candles;
        if (resumed && replayedEvents != storedSeq) {
            log.warn("paper account {}: the replay produced {} events where {} were published; continuing at seq {}",
                    account.id(), replayedEvents, storedSeq, storedSeq);
        }
        return resumed ? storedSeq : 0;
    }

    /** Feeds a market record to the account if it is a closed driving candle of one of its symbols. */
    private boolean apply(PaperAccount state, ConsumerRecord<String, byte[]> record, List<PaperAccount.Output> out) {
        if (record.key() == null || !state.trades(record.key()) || record.value() == null) {
            return false;
        }
        String type = header(record, RecordHeaders.TYPE);
        if (type != null && !type.equals(EventTypes.CANDLE)) {
            return false;
        }
        String timeframe = header(record, RecordHeaders.TIMEFRAME);
        if (timeframe != null && !timeframe.equals(driving)) {
            return false;
        }
        CandleEvent event;
        try {
            JsonNode envelope = WireJson.mapper().readTree(record.value());
            if (!EventTypes.CANDLE.equals(envelope.path("type").asString())) {
                return false;
            }
            event = WireJson.mapper().treeToValue(envelope.get("data"), CandleEvent.class);
        } catch (RuntimeException e) {
            log.warn("paper account {}: ignoring unreadable record {}-{}@{}: {}", account.id(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return false;
        }
        if (!event.closed() || !event.timeframe().equals(driving) || !state.trades(event.symbol())) {
            return false;
        }
        Candle candle;
        try {
            candle = new Candle(event.openTime(), event.open(), event.high(), event.low(), event.close(),
                    event.volume());
        } catch (IllegalArgumentException e) {
            log.warn("paper account {}: ignoring invalid candle at {}-{}@{}: {}", account.id(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return false;
        }
        out.addAll(state.accept(event.symbol(), candle));
        return true;
    }

    private ProducerRecord<String, byte[]> eventRecord(long seq, PaperAccount.Output output) {
        byte[] value = WireJson.mapper().writeValueAsBytes(
                Envelope.event(StreamType.LIVE_TRADING, account.id(), seq, clock.instant(), output.payload()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(tradingTopic, account.id(), value);
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(output.payload().eventType()));
        record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
        if (output.symbol() != null) {
            record.headers().add(RecordHeaders.SYMBOL, output.symbol().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String metadata(long origin, long seq) {
        return "v1;origin=" + origin + ";seq=" + seq;
    }

    static Map<String, String> parse(String metadata) {
        Map<String, String> out = new HashMap<>();
        if (metadata == null) {
            return out;
        }
        for (String part : metadata.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tapecast.loadtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Topics;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay scenario: a finished run of N events (seq 1 … N, the last a {@code complete}) in {@code backtest.events}
 * with its {@code completed} status, optionally after {@code noise} records of other keys in the same partition;
 * then one WebSocket client replays it from the start, against one bare KafkaConsumer reading the same records.
 */
final class Replay {

    record Config(String run, String gateway, String bootstrap, long events, long noise, int clientRuns, long resumeBack,
                  Duration timeout) {
    }

    /** One client's replay: times from the start of its handshake. */
    record ClientRun(long fromSeq, long received, long lastSeq, long outOfOrder, int closeCode, String error,
                     double connectedMs, double firstEventMs, double completeSeconds) {
        double eventsPerSecond() {
            return completeSeconds > 0 ? received / completeSeconds : 0;
        }
    }

    record Result(Config config, String streamId, int partition, long firstOffset, long lastOffset, double publishSeconds,
                  List<Kafka.ReadResult> bare, List<ClientRun> clients, ClientRun resume) {

        double bestBare() {
            return bare.stream().mapToDouble(Kafka.ReadResult::matchingPerSecond).max().orElse(0);
        }

        double bestClient() {
            return clients.stream().mapToDouble(ClientRun::eventsPerSecond).max().orElse(0);
        }
    }

    private Replay() {
    }

    static Result run(Config cfg) throws Exception {
        String topic = Topics.BACKTEST_EVENTS;
        String id = "loadtest_" + cfg.run() + "_replay";
        int partition;
        long firstOffset;
        long lastOffset;
        long publishStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(cfg.bootstrap(), 20, 512 * 1024)) {
            int partitions = producer.partitionsFor(topic).size();
            partition = Kafka.partitionFor(id, partitions);
            AtomicLong errors = new AtomicLong();
            if (cfg.noise() > 0) {
                List<String> noiseKeys = new ArrayList<>();
                for (int k = 0; noiseKeys.size() < 16; k++) {
                    String key = "loadtest_" + cfg.run() + "_noise_" + k;
                    if (Kafka.partitionFor(key, partitions) == partition) {
                        noiseKeys.add(key);
                    }
                }
                Fanout.log("publishing %,d noise records of %d other streams to partition %d", cfg.noise(), noiseKeys.size(), partition);
                Instant now = Instant.now();
                for (long i = 0; i < cfg.noise(); i++) {
                    String key = noiseKeys.get((int) (i % noiseKeys.size()));
                    long seq = i / noiseKeys.size() + 1;
                    producer.send(Wire.eventRecord(topic, null, key, seq, EventTypes.PROGRESS, Wire.progress(key, seq, now)),
                            (m, e) -> count(errors, e));
                }
                producer.flush();
            }
            Fanout.log("publishing run %s: %,d events to partition %d", id, cfg.events(), partition);
            Instant now = Instant.now();
            RecordMetadata seq1 = producer.send(Wire.eventRecord(topic, null, id, 1, EventTypes.PROGRESS, Wire.progress(id, 1, now))).get();
            if (seq1.partition() != partition) {
                throw new IllegalStateException("seq 1 went to partition " + seq1.partition() + ", expected " + partition);
            }
            firstOffset = seq1.offset();
            BacktestStatus running = Wire.running(id, partition, firstOffset, now);
            producer.send(new ProducerRecord<>(Topics.BACKTEST_STATUS, id, Wire.json(running))).get();
            for (long seq = 2; seq < cfg.events(); seq++) {
                producer.send(Wire.eventRecord(topic, null, id, seq, EventTypes.PROGRESS, Wire.progress(id, seq, Instant.now())),
                        (m, e) -> count(errors, e));
            }
            Future<RecordMetadata> last = producer.send(Wire.eventRecord(topic, null, id, cfg.events(), EventTypes.COMPLETE,
                    Wire.complete(id, cfg.events(), Instant.now())));
            producer.flush();
            lastOffset = last.get().offset();
            producer.send(new ProducerRecord<>(Topics.BACKTEST_STATUS, id,
                    Wire.json(Wire.completed(running, cfg.events(), Instant.now())))).get();
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " records failed to publish");
            }
        }
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        Fanout.log("published in %.1f s (offsets %,d … %,d)", publishSeconds, firstOffset, lastOffset);
        GatewayHttp.awaitState(cfg.gateway(), id, "completed", Duration.ofSeconds(60));

        TopicPartition tp = new TopicPartition(topic, partition);
        List<Kafka.ReadResult> bare = new ArrayList<>();
        List<ClientRun> clients = new ArrayList<>();
        for (int i = 0; i < cfg.clientRuns(); i++) {
            Kafka.ReadResult r = Kafka.readRange(cfg.bootstrap(), Map.of(tp, firstOffset), Map.of(tp, lastOffset + 1), id::equals);
            Fanout.log("bare KafkaConsumer: %,d events in %.2f s = %,.0f events/s, first record after %.0f ms",
                    r.matching(), r.nanos() / 1e9, r.matchingPerSecond(), r.firstRecordNanos() / 1e6);
            bare.add(r);
            ClientRun c = replayOnce(cfg, id, 0);
            Fanout.log("WebSocket client: %,d events in %.2f s = %,.0f events/s, connected %.0f ms, first event %.0f ms, close %d%s",
                    c.received(), c.completeSeconds(), c.eventsPerSecond(), c.connectedMs(), c.firstEventMs(), c.closeCode(),
                    c.outOfOrder() > 0 ? ", " + c.outOfOrder() + " out of order" : "");
            clients.add(c);
        }
        ClientRun resume = null;
        if (cfg.resumeBack() > 0 && cfg.resumeBack() < cfg.events()) {
            resume = replayOnce(cfg, id, cfg.events() - cfg.resumeBack());
            Fanout.log("resume from_seq=%,d: first event after %.0f ms, %,d events, complete after %.0f ms",
                    resume.fromSeq(), resume.firstEventMs(), resume.received(), resume.completeSeconds() * 1000);
        }
        return new Result(cfg, id, partition, firstOffset, lastOffset, publishSeconds, bare, clients, resume);
    }

    private static ClientRun replayOnce(Config cfg, String id, long fromSeq) throws Exception {
        WsClient.Shared shared = new WsClient.Shared(1, false, Long.MAX_VALUE);
        WsClient client = new WsClient(id, shared);
        if (fromSeq > 0) {
            client.lastSeq = fromSeq;
        }
        try (Clients pool = new Clients(1, 1, Duration.ofSeconds(30))) {
            pool.openAll(1, i -> GatewayHttp.streamUri(cfg.gateway(), id, fromSeq), i -> client, 1);
            try {
                client.closed().get(cfg.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                Clients.closeAll(List.of(client), Duration.ofSeconds(5));
            }
        }
        long start = client.startNanos;
        long end = client.completeNanos != 0 ? client.completeNanos : client.lastEventNanos;
        return new ClientRun(fromSeq, client.received, client.lastSeq, client.outOfOrder, client.closeCode,
                client.error == null ? null : client.error.toString(),
                ms(client.connectedNanos, start), ms(client.firstEventNanos, start),
                end == 0 ? 0 : (end - start) / 1e9);
    }

    private static double ms(long at, long start) {
        return at == 0 ? Double.NaN : (at - start) / 1e6;
    }

    private static void count(AtomicLong errors, Exception e) {
        if (e != null) {
            errors.incrementAndGet();
        }
    }
}

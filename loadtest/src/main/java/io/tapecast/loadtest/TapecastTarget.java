package io.tapecast.loadtest;

import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Topics;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tapecast: events go to {@code backtest.events} (key = stream id, headers type/seq) exactly as a worker writes
 * them; a stream is made known the way a worker does it: seq 1 first, then a {@code running} status with the
 * partition and offset of seq 1 on {@code backtest.status}.
 */
final class TapecastTarget implements Target {

    private final String gateway;
    private final String bootstrap;
    private final String eventsTopic;
    private final String statusTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, BacktestStatus> running = new HashMap<>();
    private Map<TopicPartition, Long> startOffsets;

    TapecastTarget(String gateway, String bootstrap, String eventsTopic, String statusTopic) {
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        this.bootstrap = bootstrap;
        this.eventsTopic = eventsTopic;
        this.statusTopic = statusTopic;
        this.producer = Kafka.producer(bootstrap, 5, 64 * 1024);
    }

    TapecastTarget(String gateway, String bootstrap) {
        this(gateway, bootstrap, Topics.BACKTEST_EVENTS, Topics.BACKTEST_STATUS);
    }

    @Override
    public String name() {
        return "Tapecast";
    }

    String bootstrap() {
        return bootstrap;
    }

    String eventsTopic() {
        return eventsTopic;
    }

    /** End offsets of the events topic before this run wrote anything: the bare consumer starts there. */
    Map<TopicPartition, Long> startOffsets() {
        return startOffsets;
    }

    @Override
    public long prepare(List<String> streamIds) throws Exception {
        startOffsets = Kafka.endOffsets(bootstrap, eventsTopic);
        Instant now = Instant.now();
        List<Future<RecordMetadata>> firsts = new ArrayList<>();
        for (String id : streamIds) {
            firsts.add(producer.send(Wire.eventRecord(eventsTopic, null, id, 1, EventTypes.PROGRESS, Wire.progress(id, 1, now))));
        }
        List<Future<RecordMetadata>> statuses = new ArrayList<>();
        for (int i = 0; i < streamIds.size(); i++) {
            RecordMetadata seq1 = firsts.get(i).get();
            BacktestStatus status = Wire.running(streamIds.get(i), seq1.partition(), seq1.offset(), Instant.now());
            running.put(streamIds.get(i), status);
            statuses.add(producer.send(new ProducerRecord<>(statusTopic, streamIds.get(i), Wire.json(status))));
        }
        for (Future<RecordMetadata> f : statuses) {
            f.get();
        }
        GatewayHttp.awaitState(gateway, streamIds.get(streamIds.size() - 1), "running", Duration.ofSeconds(60));
        return 2;
    }

    @Override
    public URI subscribeUri(String streamId) {
        return URI.create(gateway.replaceFirst("^http", "ws") + "/api/ws/stream/backtest/" + streamId);
    }

    @Override
    public boolean connectedOnOpen() {
        return false;
    }

    @Override
    public void publish(String streamId, long seq) {
        producer.send(Wire.eventRecord(eventsTopic, null, streamId, seq, EventTypes.PROGRESS,
                Wire.progress(streamId, seq, Instant.now())), (m, e) -> {
            if (e != null) {
                errors.incrementAndGet();
            }
        });
    }

    @Override
    public long flush() {
        producer.flush();
        return errors.get();
    }

    @Override
    public void finish(List<String> streamIds, long[] lastSeq) throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < streamIds.size(); i++) {
            String id = streamIds.get(i);
            producer.send(Wire.eventRecord(eventsTopic, null, id, lastSeq[i] + 1, EventTypes.COMPLETE,
                    Wire.complete(id, lastSeq[i] + 1, now)));
        }
        producer.flush();
        for (int i = 0; i < streamIds.size(); i++) {
            BacktestStatus status = running.get(streamIds.get(i));
            if (status != null) {
                producer.send(new ProducerRecord<>(statusTopic, streamIds.get(i),
                        Wire.json(Wire.completed(status, lastSeq[i] + 1, Instant.now()))));
            }
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

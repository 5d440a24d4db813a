package io.tapecast.worker.run;

import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** A run's output on Kafka: events and status records, both keyed by the backtest id. */
final class KafkaRunOutput implements RunOutput {

    private final Producer<String, byte[]> producer;
    private final TopicNames topics;
    private final String backtestId;
    private final Duration timeout;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    KafkaRunOutput(Producer<String, byte[]> producer, TopicNames topics, String backtestId, Duration timeout) {
        this.producer = producer;
        this.topics = topics;
        this.backtestId = backtestId;
        this.timeout = timeout;
    }

    @Override
    public StoredAt publishAndWait(String type, long seq, byte[] envelope) {
        RecordMetadata metadata = await(producer.send(eventRecord(type, seq, envelope)), "event " + seq);
        return new StoredAt(metadata.partition(), metadata.offset());
    }

    @Override
    public void publish(String type, long seq, byte[] envelope) {
        throwIfFailed();
        producer.send(eventRecord(type, seq, envelope), (metadata, exception) -> {
            if (exception != null) {
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public void writeStatus(BacktestStatus status) {
        byte[] value = WireJson.mapper().writeValueAsBytes(status);
        await(producer.send(new ProducerRecord<>(topics.backtestStatus(), backtestId, value)), "status " + status.state());
    }

    private ProducerRecord<String, byte[]> eventRecord(String type, long seq, byte[] envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.backtestEvents(), backtestId, envelope);
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(type));
        record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
        return record;
    }

    private RecordMetadata await(java.util.concurrent.Future<RecordMetadata> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing " + what + " of " + backtestId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("could not publish " + what + " of " + backtestId, e);
        }
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new PublishFailedException("an event of " + backtestId + " was not acknowledged", failure);
        }
    }
}

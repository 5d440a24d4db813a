package io.tapecast.gateway.start;

import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a validated start request to the workers. The {@code queued} status is stored before the request,
 * so no worker can report {@code running} before the index knows the run, and a client may open the
 * stream the moment this returns, on any node.
 */
final class RunLauncher {

    private final KafkaClients clients;
    private final TopicNames topics;
    private final Duration timeout;

    RunLauncher(KafkaClients clients, TopicNames topics, Duration timeout) {
        this.clients = clients;
        this.topics = topics;
        this.timeout = timeout;
    }

    void launch(StartBacktest request) {
        String id = request.backtestId();
        BacktestStatus queued = BacktestStatus.queued(request, request.requestedAt());
        send(new ProducerRecord<>(topics.backtestStatus(), id, WireJson.mapper().writeValueAsBytes(queued)));
        send(new ProducerRecord<>(topics.backtestRequests(), id, WireJson.mapper().writeValueAsBytes(request)));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            clients.producer().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while publishing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("could not publish to " + record.topic(), e);
        }
    }
}

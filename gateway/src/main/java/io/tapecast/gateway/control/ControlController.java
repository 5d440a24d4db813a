package io.tapecast.gateway.control;

import io.tapecast.gateway.GatewaySettings;
import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.gateway.runs.UnknownBacktestException;
import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.gateway.start.KafkaUnavailableException;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/backtesting/{id}/cancel | pause | resume}: publishes the command on {@code backtest.control}
 * (key: the backtest id), where the worker running the backtest acts on it after its current candle; the stream
 * then shows a {@code control} event. A finished run answers 409, an unknown id 404.
 */
@RestController
final class ControlController {

    private final StatusIndex index;
    private final KafkaClients clients;
    private final TopicNames topics;
    private final GatewaySettings settings;
    private final Clock clock;
    private final AccessPolicy access;

    ControlController(StatusIndex index, KafkaClients clients, TopicNames topics, GatewaySettings settings, Clock clock,
                      AccessPolicy access) {
        this.access = access;
        this.index = index;
        this.clients = clients;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/backtesting/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ControlAccepted cancel(@PathVariable("id") String id) {
        return send(id, ControlAction.cancel);
    }

    @PostMapping("/api/backtesting/{id}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ControlAccepted pause(@PathVariable("id") String id) {
        return send(id, ControlAction.pause);
    }

    @PostMapping("/api/backtesting/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ControlAccepted resume(@PathVariable("id") String id) {
        return send(id, ControlAction.resume);
    }

    private ControlAccepted send(String id, ControlAction action) {
        BacktestStatus status = find(id).orElseThrow(() -> new UnknownBacktestException(id));
        access.requireRunAccess(access.currentCaller(), status.request().owner(), id); // owner or admin, else 403
        if (status.state().isFinal()) {
            throw new RunAlreadyFinishedException(id, status.state().name(), action.name());
        }
        ControlCommand command = new ControlCommand(id, action, null, clock.instant());
        try {
            clients.producer().send(new ProducerRecord<>(topics.backtestControl(), id, WireJson.mapper().writeValueAsBytes(command)))
                    .get(settings.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while publishing " + action, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("could not publish " + action + " for " + id, e);
        }
        return new ControlAccepted(id, action.name(), status.state().name());
    }

    private Optional<BacktestStatus> find(String id) {
        Optional<BacktestStatus> status = index.find(id);
        if (status.isPresent()) {
            return status;
        }
        try {
            index.awaitCaughtUp(settings.unknownStreamWait());
        } catch (TimeoutException e) {
            return Optional.empty();
        }
        return index.find(id);
    }

    /** The 202 answer: the command is on its way; {@code status} is the run's state when it was sent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ControlAccepted(String backtestId, String action, String status) {
    }
}

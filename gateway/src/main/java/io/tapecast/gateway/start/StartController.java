package io.tapecast.gateway.start;

import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.gateway.kafka.KafkaClients;
import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.StartBacktest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /api/backtesting/start}: validate, publish to {@code backtest.requests}, answer 202. The run's
 * {@code owner} is the token's subject ({@code null} with security off).
 */
@RestController
final class StartController {

    // Strict: an unknown field is usually a typo ("strategy_id") that would otherwise be silently ignored.
    private static final ObjectReader STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build()
            .readerFor(StartRequest.class);

    private final StartRequestValidator validator;
    private final RunLauncher launcher;
    private final BacktestIds ids = new BacktestIds();
    private final Clock clock;
    private final AccessPolicy access;

    StartController(StrategyCatalog strategies, KafkaClients clients, TopicNames topics,
                    io.tapecast.gateway.GatewaySettings settings, Clock clock, AccessPolicy access) {
        this.access = access;
        this.validator = new StartRequestValidator(strategies);
        this.launcher = new RunLauncher(clients, topics, settings.kafkaTimeout());
        this.clock = clock;
    }

    @PostMapping(path = "/api/backtesting/start", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StartResponse> start(@RequestBody(required = false) byte[] body,
                                        @RequestParam(name = "stream", defaultValue = "true") boolean stream) {
        StartRequest request = RequestBodies.read(STRICT, body);
        Instant now = clock.instant();
        StartBacktest command = validator.validate(request, ids.next(now), access.currentCaller().subject(), now);
        launcher.launch(command);
        String streamUrl = StreamUrls.forBacktest(command.backtestId());
        // Every run is published to Kafka, so it can always be watched; stream=false only says the caller won't.
        StartResponse response = new StartResponse(command.backtestId(), BacktestState.queued.name(), stream, streamUrl);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/backtesting/" + command.backtestId()))
                .body(response);
    }
}

package io.tapecast.schemas;

import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.ControlCommand;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.testing.WireSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.tapecast.schemas.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every record, serialized with {@link WireJson}, satisfies its schema. */
class WireSchemaValidationTest {

    static Stream<Arguments> backtestEvents() {
        return Stream.of(
                Arguments.of("progress", Samples.event(1, Samples.progress())),
                Arguments.of("trade entry", Samples.event(2, Samples.tradeEntry())),
                Arguments.of("trade exit", Samples.event(3, Samples.tradeExit())),
                Arguments.of("trade exit, minimal", Samples.event(4, Samples.tradeExitMinimal())),
                Arguments.of("equity", Samples.event(5, Samples.equity())),
                Arguments.of("metrics", Samples.event(6, Samples.metrics())),
                Arguments.of("complete", Samples.event(7, Samples.complete())),
                Arguments.of("complete, cancelled, no per-strategy figures", Samples.event(7, Samples.completeCancelled())),
                Arguments.of("error", Samples.event(8, Samples.error())),
                Arguments.of("control paused", Samples.event(9, Samples.controlPaused())),
                Arguments.of("control resumed", Samples.event(10, Samples.controlResumed())),
                Arguments.of("control cancelled", Samples.event(11, Samples.controlCancelled())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backtestEvents")
    void backtestEventsSatisfyTheirSchemas(String name, Envelope<? extends Payload> event) {
        String json = json(event);
        assertThat(SchemaResources.forEnvelope("backtest", event.type(), true))
                .isEqualTo(SchemaResources.forMessage(StreamType.BACKTEST, event.type()));
        WireSchemaValidator.assertValid(json);
        WireSchemaValidator.assertValid(json, SchemaResources.ENVELOPE);
    }

    static Stream<Arguments> gatewayMessages() {
        return Stream.of(StreamType.values()).flatMap(stream -> Stream.of(
                Arguments.of(stream, Envelope.gatewayMessage(stream, "s-1", Samples.NOW, Samples.connected())),
                Arguments.of(stream, Envelope.gatewayMessage(stream, "s-1", Samples.NOW, Samples.connectedMinimal())),
                Arguments.of(stream, Envelope.gatewayMessage(stream, "s-1", Samples.NOW, Samples.pong())),
                Arguments.of(stream, Envelope.gatewayMessage(stream, "s-1", Samples.NOW, Samples.gatewayError())),
                Arguments.of(stream, Envelope.gatewayMessage(stream, "s-1", Samples.NOW, Samples.gap()))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gatewayMessages")
    void gatewayMessagesSatisfyTheirSchemasOnEveryStream(StreamType stream, Envelope<? extends Payload> message) {
        String json = json(message);
        assertThat(json).doesNotContain("\"seq\"");
        WireSchemaValidator.assertValid(json);
        WireSchemaValidator.assertValid(json, SchemaResources.forGatewayMessage(message.type()));
    }

    @Test
    void pongDataIsAnEmptyObject() {
        assertThat(json(Samples.gateway(Samples.pong())))
                .isEqualTo("{\"type\":\"pong\",\"timestamp\":\"2024-02-11T14:30:22.123Z\",\"stream\":\"backtest\","
                        + "\"stream_id\":\"" + Samples.BACKTEST_ID + "\",\"schema_version\":1,\"data\":{}}");
    }

    @Test
    void aBacktestErrorEventAndAGatewayErrorAreToldApartBySeq() {
        String event = json(Samples.event(9, Samples.error()));
        String gateway = json(Samples.gateway(Samples.gatewayError()));
        WireSchemaValidator.assertValid(event, SchemaResources.BACKTEST_ERROR);
        WireSchemaValidator.assertValid(gateway, SchemaResources.GATEWAY_ERROR);
        assertThat(WireSchemaValidator.validate(event, SchemaResources.GATEWAY_ERROR)).isNotEmpty();
        assertThat(WireSchemaValidator.validate(gateway, SchemaResources.BACKTEST_ERROR)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(BacktestState.class)
    void statusValuesSatisfyTheStatusSchema(BacktestState state) {
        BacktestStatus status = switch (state) {
            case queued -> Samples.queued();
            case running -> Samples.running();
            case paused -> Samples.paused();
            case completed -> Samples.completed();
            case failed -> Samples.failed();
            case cancelled -> Samples.cancelled();
        };
        assertThat(status.state()).isEqualTo(state);
        WireSchemaValidator.assertValid(json(status), SchemaResources.BACKTEST_STATUS);
    }

    @Test
    void statusAfterAWorkerFailOverSatisfiesTheStatusSchema() {
        BacktestStatus status = Samples.runningAfterFailover();
        assertThat(status.attempt()).isEqualTo(2);
        WireSchemaValidator.assertValid(json(status), SchemaResources.BACKTEST_STATUS);
        assertThat(json(Samples.queued())).contains("\"attempt\":0");
    }

    @Test
    void controlCommandsSatisfyTheControlCommandSchema() {
        for (ControlCommand command : new ControlCommand[]{Samples.controlCommand(), Samples.controlCommandMinimal()}) {
            WireSchemaValidator.assertValid(json(command), SchemaResources.BACKTEST_CONTROL_COMMAND);
        }
        assertThat(json(Samples.controlCommandMinimal())).doesNotContain("\"requested_by\"");
    }

    @Test
    void startRequestsSatisfyTheStartSchema() {
        for (StartBacktest request : new StartBacktest[]{Samples.startBacktest(), Samples.startBacktestMinimal()}) {
            WireSchemaValidator.assertValid(json(request), SchemaResources.BACKTEST_START_REQUEST);
        }
        assertThat(json(Samples.startBacktestMinimal())).contains("\"params\":{}", "\"options\":{", "\"fill\":\"next_open\"")
                .doesNotContain("\"name\"").doesNotContain("\"owner\"").doesNotContain("\"requested_at\"")
                .doesNotContain("\"periods_per_year\"");
        assertThat(json(Samples.startBacktest())).contains("\"fill\":\"close\"", "\"periods_per_year\":252");
    }

    @Test
    void assertValidReportsTheViolationsAndTheJson() {
        String json = json(Samples.event(1, Samples.progress())).replace("\"seq\":1", "\"seq\":0");
        assertThatThrownBy(() -> WireSchemaValidator.assertValid(json))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seq")
                .hasMessageContaining(json);
    }
}

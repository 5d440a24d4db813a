package io.tapecast.schemas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"progress", "trade", "equity", "metrics", "complete", "error", "control"})
    void backtestEventsMapToTheirSchema(String type) {
        String expected = "schemas/backtest/" + type + ".schema.json";
        assertThat(SchemaResources.forMessage(StreamType.BACKTEST, type)).isEqualTo(expected);
        assertThat(SchemaResources.forEnvelope("backtest", type, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"candle", "pattern", "structure", "confluence"})
    void marketDataEventsMapToTheirSchema(String type) {
        String expected = "schemas/market/" + type + ".schema.json";
        assertThat(SchemaResources.forMessage(StreamType.MARKET_DATA, type)).isEqualTo(expected);
        assertThat(SchemaResources.forEnvelope("market-data", type, true)).isEqualTo(expected);
        assertThat(SchemaResources.hasEventSchema(StreamType.BACKTEST, type)).isFalse();
        assertThat(SchemaResources.hasEventSchema(StreamType.LIVE_TRADING, type)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "position", "pnl", "risk"})
    void liveTradingEventsMapToTheirSchema(String type) {
        String expected = "schemas/trading/" + type + ".schema.json";
        assertThat(SchemaResources.forMessage(StreamType.LIVE_TRADING, type)).isEqualTo(expected);
        assertThat(SchemaResources.forEnvelope("live-trading", type, true)).isEqualTo(expected);
        assertThat(SchemaResources.hasEventSchema(StreamType.BACKTEST, type)).isFalse();
        assertThat(SchemaResources.hasEventSchema(StreamType.MARKET_DATA, type)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connected", "pong", "error", "gap"})
    void gatewayMessagesWithoutSeqMapToTheGatewaySchemaOnAnyStream(String type) {
        String expected = "schemas/gateway/" + type + ".schema.json";
        assertThat(SchemaResources.forGatewayMessage(type)).isEqualTo(expected);
        for (StreamType stream : StreamType.values()) {
            assertThat(SchemaResources.forEnvelope(stream.wireName(), type, false)).isEqualTo(expected);
        }
        assertThat(SchemaResources.forEnvelope(null, type, false)).isEqualTo(expected);
    }

    @Test
    void controlIsAStreamEventNotAGatewayMessage() {
        assertThat(SchemaResources.forEnvelope("backtest", EventTypes.CONTROL, true)).isEqualTo(SchemaResources.BACKTEST_CONTROL);
        assertThat(SchemaResources.forEnvelope("backtest", EventTypes.CONTROL, false)).isEqualTo(SchemaResources.BACKTEST_CONTROL);
        assertThat(SchemaResources.gatewayTypes()).doesNotContain(EventTypes.CONTROL);
        assertThat(SchemaResources.hasEventSchema(StreamType.BACKTEST, EventTypes.CONTROL)).isTrue();
        assertThat(SchemaResources.hasEventSchema(StreamType.LIVE_TRADING, EventTypes.CONTROL)).isFalse();
    }

    @Test
    void kafkaValuesThatAreNotEnvelopesHaveTheirOwnSchemas() {
        assertThat(SchemaResources.BACKTEST_CONTROL_COMMAND).isEqualTo("schemas/backtest/control-command.schema.json");
        assertThat(SchemaResources.all()).contains(SchemaResources.BACKTEST_START_REQUEST, SchemaResources.BACKTEST_STATUS,
                SchemaResources.BACKTEST_CONTROL_COMMAND);
    }

    @Test
    void errorWithSeqIsTheBacktestErrorEventAndWithoutIsTheGatewayError() {
        assertThat(SchemaResources.forEnvelope("backtest", "error", true)).isEqualTo(SchemaResources.BACKTEST_ERROR);
        assertThat(SchemaResources.forEnvelope("backtest", "error", false)).isEqualTo(SchemaResources.GATEWAY_ERROR);
    }

    @Test
    void gatewayOnlyTypesWithSeqStillGetTheGatewaySchemaWhichThenRejectsTheSeq() {
        assertThat(SchemaResources.forEnvelope("backtest", "gap", true)).isEqualTo(SchemaResources.GATEWAY_GAP);
    }

    @Test
    void streamEventsWithoutSeqGetTheirEventSchemaWhichThenRequiresTheSeq() {
        assertThat(SchemaResources.forEnvelope("backtest", "progress", false)).isEqualTo(SchemaResources.BACKTEST_PROGRESS);
    }

    @Test
    void unknownPairsAreRefused() {
        assertThatThrownBy(() -> SchemaResources.forEnvelope("market-data", "trade", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("market-data");
        assertThatThrownBy(() -> SchemaResources.forEnvelope("backtest", "order", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> SchemaResources.forEnvelope("futures", "progress", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaResources.forEnvelope(null, "progress", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaResources.forEnvelope("backtest", " ", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaResources.forGatewayMessage("ping"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaResources.forMessage(StreamType.LIVE_TRADING, "progress"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAndResourcesMapBothWays() {
        assertThat(SchemaResources.idOf(SchemaResources.BACKTEST_TRADE))
                .isEqualTo("https://tapecast.io/schemas/backtest/trade.schema.json");
        assertThat(SchemaResources.resourceOf("https://tapecast.io/schemas/backtest/trade.schema.json"))
                .isEqualTo(SchemaResources.BACKTEST_TRADE);
        assertThat(SchemaResources.all()).doesNotHaveDuplicates().startsWith(SchemaResources.ENVELOPE).hasSize(23);
    }
}

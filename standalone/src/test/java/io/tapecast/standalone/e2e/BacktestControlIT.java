package io.tapecast.standalone.e2e;

import io.tapecast.schemas.testing.WireSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BacktestControlIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Ten years of minutes: long enough that a command sent after the first events arrives mid-run. */
    private static final String LONG_RUN = request("BTC-USD", "1m", "2012-01-01", "2022-01-01");

    @Test
    void cancelEndsTheStreamWithCompleteCancelledAndTheFiguresSoFar() {
        String id = rest().start(LONG_RUN).path("backtest_id").asString();
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            client.awaitFrame(m -> m.path("seq").asLong() >= 2, WAIT);
            RestClient.Response cancel = rest().post("/api/backtesting/" + id + "/cancel", "");
            assertThat(cancel.status()).isEqualTo(202);
            assertThat(cancel.json().path("action").asString()).isEqualTo("cancel");

            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
            List<JsonNode> events = client.messages().subList(1, client.messages().size());
            assertThat(events).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
            JsonNode control = events.get(events.size() - 3);
            assertThat(control.path("type").asString()).isEqualTo("control");
            assertThat(control.path("data").path("action").asString()).isEqualTo("cancelled");
            JsonNode complete = events.get(events.size() - 1);
            assertThat(complete.path("type").asString()).isEqualTo("complete");
            assertThat(complete.path("data").path("status").asString()).isEqualTo("cancelled");
            assertThat(complete.path("data").path("candles").asLong()).isLessThan(10L * 365 * 24 * 60);
            client.frames().forEach(WireSchemaValidator::assertValid);
        }
        await().atMost(WAIT).until(() -> "cancelled".equals(rest().get("/api/backtesting/" + id).json().path("status").asString()));
        RestClient.Response again = rest().post("/api/backtesting/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pauseHoldsTheRunAndResumeLetsItFinish() {
        String id = rest().start(LONG_RUN).path("backtest_id").asString();
        try (WsClient client = WsClient.connect(streamUrl(id))) {
            client.awaitFrame(m -> m.path("seq").asLong() >= 2, WAIT);
            assertThat(rest().post("/api/backtesting/" + id + "/pause", "").status()).isEqualTo(202);
            client.awaitFrame(m -> "paused".equals(m.path("data").path("action").asString()), WAIT);
            await().atMost(WAIT).until(() -> "paused".equals(rest().get("/api/backtesting/" + id).json().path("status").asString()));
            long seqWhilePaused = lastSeq(client);
            assertThat(client.isClosed()).isFalse();

            assertThat(rest().post("/api/backtesting/" + id + "/resume", "").status()).isEqualTo(202);
            client.awaitFrame(m -> "resumed".equals(m.path("data").path("action").asString()), WAIT);
            assertThat(lastSeq(client)).isGreaterThan(seqWhilePaused);
            // finish quickly: the rest of the run is not what this test is about
            rest().post("/api/backtesting/" + id + "/cancel", "");
            assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
        }
    }

    @Test
    void controllingAnUnknownRunIsA404Problem() {
        RestClient.Response response = rest().post("/api/backtesting/backtest_19990101_000000_nosuch/pause", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static long lastSeq(WsClient client) {
        List<JsonNode> messages = client.messages();
        return messages.stream().mapToLong(m -> m.path("seq").asLong(0)).max().orElse(0);
    }
}

package io.tapecast.standalone.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server pings, silent peers closed with 4410, and a stopping gateway closing its sessions with 1001. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HeartbeatAndShutdownIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPeerThatAnswersPingsStaysOpenWhileOneThatNeverPongsIsClosedWith4410() throws Exception {
        String id = TestStreams.publishQueuedRun();
        try (GatewayNode node = GatewayNode.start("--tapecast.gateway.ping-interval=200ms",
                "--tapecast.gateway.pong-timeout=1500ms");
             WsClient answering = WsClient.connect(node.streamUrl(id));
             RawWsClient silent = RawWsClient.connect(node.port(), "/api/ws/stream/backtest/" + id, 0)) {
            answering.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);

            RawWsClient.Transcript transcript = silent.readUntilClose(WAIT);

            assertThat(transcript.closeCode()).isEqualTo(4410);
            assertThat(transcript.pings()).isPositive();
            assertThat(transcript.texts()).hasSize(1); // connected
            // the JDK client answers pings by itself: it outlives several timeouts
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !answering.isClosed());
            assertThat(node.rest().get("/api/ws/stats").json().path("unresponsive_closes").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aGatewayThatShutsDownClosesItsSessionsWithGoingAwayWithinABoundedTime() throws Exception {
        String id = TestStreams.publishQueuedRun();
        GatewayNode node = GatewayNode.start();
        try (WsClient client = WsClient.connect(node.streamUrl(id))) {
            client.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            long started = System.nanoTime();
            node.close();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - started);

            assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(1001);
            assertThat(shutdown).isLessThan(Duration.ofSeconds(20));
            assertThat(node.context().isActive()).isFalse();
        }
    }
}

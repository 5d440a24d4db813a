package io.tapecast.standalone.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.tapecast.standalone.e2e.TestStreams.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that stops reading is cut off (4408) without slowing anyone else, and resumes losslessly. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SlowConsumerIT extends PlatformTestBase {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aClientThatStopsReadingIsClosedWith4408WhileAnotherKeepsItsPaceAndItResumesWithEverySeq() {
        try (GatewayNode node = GatewayNode.start("--tapecast.gateway.outbox-messages=1000",
                "--tapecast.gateway.close-timeout=60s")) {
            String id = node.rest().start(request("BTC-USD", "1m", "2023-01-01", "2023-07-01")).path("backtest_id").asString();
            // never reads (until told), through a 4 KiB receive window
            try (RawWsClient stalled = RawWsClient.connect(node.port(), "/api/ws/stream/backtest/" + id, 4096);
                 WsClient steady = WsClient.connect(node.streamUrl(id))) {

                assertThat(steady.awaitClose(WAIT)).isEqualTo(1000);
                List<Long> all = seqs(steady.eventFrames());
                long n = all.get(all.size() - 1);
                assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
                assertThat(n).as("the run must outgrow the socket buffers and the outbox").isGreaterThan(3000);

                await().atMost(WAIT).until(() ->
                        node.rest().get("/api/ws/stats").json().path("slow_consumer_closes").asLong() >= 1);
                RawWsClient.Transcript cutOff = stalled.readUntilClose(WAIT);
                assertThat(cutOff.closeCode()).isEqualTo(4408);
                List<Long> before = cutOff.seqs();
                long last = before.isEmpty() ? 0 : before.get(before.size() - 1);
                assertThat(last).isLessThan(n);

                try (WsClient resumed = WsClient.connect(node.streamUrl(id) + "?from_seq=" + last)) {
                    assertThat(resumed.awaitClose(WAIT)).isEqualTo(1000);
                    List<Long> union = new ArrayList<>(before);
                    union.addAll(seqs(resumed.eventFrames()));
                    assertThat(union).containsExactlyElementsOf(all);
                }
            }
        }
    }
}

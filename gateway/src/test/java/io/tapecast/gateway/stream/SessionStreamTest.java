package io.tapecast.gateway.stream;

import io.tapecast.gateway.fanout.StreamEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStreamTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final Outbox outbox = new Outbox(transport, 1000, 1_000_000);

    @Test
    void buffersLiveEventsUntilCatchUpEndsThenDeliversEachSeqOnce() throws InterruptedException {
        SessionStream stream = new SessionStream(0, outbox);
        stream.onLive(event(3));
        stream.onLive(event(4));
        stream.onReplay(event(1));
        stream.onReplay(event(2));
        stream.onReplay(event(3));
        stream.goLive();
        stream.onLive(event(4));
        stream.onLive(event(5));
        transport.drain();
        assertThat(transport.sent).containsExactly("e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void resumesAfterFromSeq() throws InterruptedException {
        SessionStream stream = new SessionStream(2, outbox);
        stream.onReplay(event(1));
        stream.onReplay(event(2));
        stream.onReplay(event(3));
        stream.goLive();
        transport.drain();
        assertThat(transport.sent).containsExactly("e3");
        assertThat(stream.lastSeq()).isEqualTo(3);
    }

    @Test
    void dropsRepeatsOfARetriedRun() throws InterruptedException {
        SessionStream stream = new SessionStream(0, outbox);
        stream.onReplay(event(1));
        stream.onReplay(event(2));
        stream.goLive();
        stream.onLive(event(1));
        stream.onLive(event(2));
        stream.onLive(event(3));
        transport.drain();
        assertThat(transport.sent).containsExactly("e1", "e2", "e3");
    }

    @Test
    void closesNormallyAfterTheFinalEventAndIgnoresAnythingLater() throws InterruptedException {
        SessionStream stream = new SessionStream(0, outbox);
        stream.onReplay(event(1));
        assertThat(stream.onReplay(new StreamEvent("s", 2, "complete", "e2".getBytes(StandardCharsets.UTF_8)))).isFalse();
        stream.goLive();
        stream.onLive(event(3));
        transport.drain();
        assertThat(transport.sent).containsExactly("e1", "e2");
        assertThat(transport.closedWith).isEqualTo(CloseCodes.STREAM_ENDED);
    }

    @Test
    void aFailedLiveReaderClosesTheSessionWithTheGatewayErrorCode() {
        SessionStream stream = new SessionStream(0, outbox);
        stream.onReaderFailed("lost reader");
        assertThat(transport.closedWith.getCode()).isEqualTo(CloseCodes.GATEWAY_ERROR);
    }

    @Test
    void aGapMovesTheGateToTheFirstRetainedSeqAndTellsTheClientWhatWasAskedFor() throws InterruptedException {
        SessionStream stream = new SessionStream(3, outbox);
        assertThat(stream.onGap(10)).isTrue();
        stream.onReplay(event(10));
        stream.onReplay(event(11));
        stream.goLive();
        transport.drain();
        assertThat(transport.sent).containsExactly("gap 4 10", "e10", "e11");
    }

    @Test
    void noGapWhenWhatWasAskedForIsStillRetained() throws InterruptedException {
        SessionStream stream = new SessionStream(12, outbox);
        assertThat(stream.onGap(10)).isFalse();
        stream.onReplay(event(13));
        transport.drain();
        assertThat(transport.sent).containsExactly("e13");
    }

    @Test
    void aLiveBufferThatOverflowsDuringCatchUpSendsTheCatchUpBackToKafkaInsteadOfGrowing() throws InterruptedException {
        SessionStream stream = new SessionStream(0, outbox, (r, a) -> "gap", java.time.Duration.ofSeconds(5), 3);
        stream.onReplay(event(1));
        for (long seq = 2; seq <= 6; seq++) {
            stream.onLive(event(seq)); // 2, 3, 4 buffered; 5 overflows: buffer dropped; 6 dropped
        }
        assertThat(stream.pendingLive()).isZero();
        assertThat(stream.goLive()).isFalse();
        // the catch-up reads on from Kafka to a new end offset...
        for (long seq = 2; seq <= 6; seq++) {
            stream.onReplay(event(seq));
        }
        stream.onLive(event(7)); // buffered again
        assertThat(stream.goLive()).isTrue();
        stream.onLive(event(8));
        transport.drain();
        assertThat(transport.sent).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8");
    }

    @Test
    void goLiveDrainsABigBufferAtTheClientsPaceWithoutOverflowingItsOutbox() throws Exception {
        Outbox small = new Outbox(transport, 10, 1_000_000);
        SessionStream stream = new SessionStream(0, small, (r, a) -> "gap", java.time.Duration.ofSeconds(5), 1000);
        for (long seq = 1; seq <= 100; seq++) {
            stream.onLive(event(seq));
        }
        java.util.concurrent.CompletableFuture<Boolean> live = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return stream.goLive();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            transport.drain();
            return live.isDone();
        });
        transport.drain();
        assertThat(live.get()).isTrue();
        assertThat(small.isClosed()).isFalse();
        assertThat(transport.sent).hasSize(100).startsWith("e1").endsWith("e100");
    }

    @Test
    void aClientThatStopsReadingDuringCatchUpIsClosedAsASlowConsumer() throws InterruptedException {
        Outbox small = new Outbox(transport, 4, 1_000_000);
        SessionStream stream = new SessionStream(0, small, (r, a) -> "gap", java.time.Duration.ofMillis(100), 1000);
        boolean reading = true;
        for (long seq = 1; seq <= 10 && reading; seq++) {
            reading = stream.onReplay(event(seq));
        }
        assertThat(reading).isFalse();
        assertThat(transport.closedWith.getCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
    }

    private static StreamEvent event(long seq) {
        return new StreamEvent("s", seq, "progress", ("e" + seq).getBytes(StandardCharsets.UTF_8));
    }
}

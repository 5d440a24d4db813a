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

    private static StreamEvent event(long seq) {
        return new StreamEvent("s", seq, "progress", ("e" + seq).getBytes(StandardCharsets.UTF_8));
    }
}

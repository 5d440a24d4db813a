package io.tapecast.gateway.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    private final RecordingTransport transport = new RecordingTransport();

    @Test
    void sendsFramesInOrderOneAtATime() {
        Outbox outbox = new Outbox(transport, 10, 10_000);
        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        assertThat(transport.inFlight).hasSize(1);
        transport.drain();
        assertThat(transport.sent).containsExactly("a", "b", "c");
        assertThat(outbox.sentMessages()).isEqualTo(3);
    }

    @Test
    void closesAsSlowConsumerWhenTheMessageBoundIsExceeded() {
        Outbox outbox = new Outbox(transport, 2, 10_000);
        assertThat(outbox.offer("a")).isTrue();
        assertThat(outbox.offer("b")).isTrue();
        assertThat(outbox.offer("c")).isFalse();
        assertThat(transport.closedWith.getCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(outbox.offer("d")).isFalse();
    }

    @Test
    void closesAsSlowConsumerWhenTheByteBoundIsExceeded() {
        Outbox outbox = new Outbox(transport, 100, 1024);
        assertThat(outbox.offer("x".repeat(1000))).isTrue();
        assertThat(outbox.offer("y".repeat(100))).isFalse();
        assertThat(transport.closedWith.getCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
    }

    @Test
    void closesNormallyOnlyAfterEverythingQueuedWasSent() {
        Outbox outbox = new Outbox(transport, 10, 10_000);
        outbox.offer("a");
        outbox.offer("b");
        outbox.closeWhenDrained(CloseCodes.STREAM_ENDED);
        assertThat(transport.closedWith).isNull();
        assertThat(outbox.offer("late")).isFalse();
        transport.drain();
        assertThat(transport.sent).containsExactly("a", "b");
        assertThat(transport.closedWith).isEqualTo(CloseCodes.STREAM_ENDED);
    }

    @Test
    void awaitRoomReturnsFalseWhenTheClientDoesNotReadInTime() throws InterruptedException {
        Outbox outbox = new Outbox(transport, 4, 10_000);
        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        assertThat(outbox.awaitRoom(Duration.ofMillis(20))).isFalse();
        transport.drain();
        assertThat(outbox.awaitRoom(Duration.ofMillis(20))).isTrue();
    }
}

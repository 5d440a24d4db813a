package io.tapecast.gateway.stream;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamRequestTest {

    @Test
    void readsTheIdAndFromSeq() {
        StreamRequest request = StreamRequest.parse(URI.create("ws://h/api/ws/stream/backtest/backtest_20240211_143022_k3x9qa?from_seq=42"));
        assertThat(request.streamId()).isEqualTo("backtest_20240211_143022_k3x9qa");
        assertThat(request.fromSeq()).isEqualTo(42);
    }

    @Test
    void fromSeqDefaultsToZero() {
        assertThat(StreamRequest.parse(URI.create("ws://h/api/ws/stream/backtest/abc")).fromSeq()).isZero();
    }

    @Test
    void rejectsANegativeOrNonNumericFromSeq() {
        assertThatThrownBy(() -> StreamRequest.parse(URI.create("ws://h/api/ws/stream/backtest/abc?from_seq=-1")))
                .hasMessageContaining("from_seq");
        assertThatThrownBy(() -> StreamRequest.parse(URI.create("ws://h/api/ws/stream/backtest/abc?from_seq=x")))
                .hasMessageContaining("from_seq");
    }

    @Test
    void rejectsAnIdWithForbiddenCharacters() {
        assertThatThrownBy(() -> StreamRequest.parse(URI.create("ws://h/api/ws/stream/backtest/a%20b")))
                .hasMessageContaining("stream id");
    }
}

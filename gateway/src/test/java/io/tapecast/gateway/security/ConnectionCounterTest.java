package io.tapecast.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionCounterTest {

    @Test
    void countsUpToTheLimitAndForgetsKeysAtZero() {
        ConnectionCounter counter = new ConnectionCounter(2);
        assertThat(counter.tryAcquire("u")).isTrue();
        assertThat(counter.tryAcquire("u")).isTrue();
        assertThat(counter.tryAcquire("u")).isFalse();
        assertThat(counter.tryAcquire("v")).isTrue();
        counter.release("u");
        assertThat(counter.tryAcquire("u")).isTrue();
        counter.release("u");
        counter.release("u");
        counter.release("v");
        assertThat(counter.keys()).isZero();
    }

    @Test
    void zeroIsUnlimited() {
        ConnectionCounter counter = new ConnectionCounter(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(counter.tryAcquire("u")).isTrue();
        }
        assertThat(counter.count("u")).isEqualTo(1000);
    }
}

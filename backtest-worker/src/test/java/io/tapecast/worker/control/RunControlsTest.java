package io.tapecast.worker.control;

import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunControlsTest {

    private final RunControls controls = new RunControls();

    @Test
    void aCommandReachesTheRunningRun() {
        RunControl control = controls.register("a");
        controls.apply(command("a", ControlAction.pause));
        assertThat(control.pauseRequested()).isTrue();
        controls.apply(command("a", ControlAction.resume));
        assertThat(control.pauseRequested()).isFalse();
        controls.apply(command("a", ControlAction.cancel));
        assertThat(control.cancelRequested()).isTrue();
    }

    @Test
    void aRunCancelledWhileQueuedStartsCancelled() {
        controls.apply(command("q", ControlAction.cancel));
        controls.apply(command("q", ControlAction.resume));
        assertThat(controls.register("q").cancelRequested()).isTrue();
    }

    @Test
    void aRunPausedWhileQueuedStartsPaused() {
        controls.apply(command("p", ControlAction.pause));
        RunControl control = controls.register("p");
        assertThat(control.pauseRequested()).isTrue();
        assertThat(control.cancelRequested()).isFalse();
    }

    @Test
    void commandsForOtherRunsDoNotTouchThisOne() {
        RunControl control = controls.register("mine");
        controls.apply(command("theirs", ControlAction.cancel));
        assertThat(control.cancelRequested()).isFalse();
    }

    @Test
    void aPausedRunWaitsUntilResumed() throws Exception {
        RunControl control = controls.register("w");
        controls.apply(command("w", ControlAction.pause));
        CompletableFuture<Boolean> goOn = CompletableFuture.supplyAsync(() -> {
            try {
                return control.awaitResumeOrCancel(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(goOn).isNotDone();
        controls.apply(command("w", ControlAction.resume));
        assertThat(goOn.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPauseLongerThanTheLimitCancelsTheRun() throws InterruptedException {
        RunControl control = controls.register("forgotten");
        controls.apply(command("forgotten", ControlAction.pause));
        assertThat(control.awaitResumeOrCancel(Duration.ofMillis(10))).isFalse();
        assertThat(control.cancelRequested()).isTrue();
    }

    private static ControlCommand command(String id, ControlAction action) {
        return new ControlCommand(id, action, null, Instant.parse("2026-01-01T00:00:00Z"));
    }
}

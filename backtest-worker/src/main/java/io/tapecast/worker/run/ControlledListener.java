package io.tapecast.worker.run;

import io.tapecast.engine.backtest.BacktestListener;
import io.tapecast.engine.backtest.Fill;
import io.tapecast.engine.backtest.PortfolioSnapshot;
import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.worker.control.RunControl;

import java.time.Duration;
import java.time.Instant;

/**
 * Puts the user's control between the engine and the event stream: after each candle it pauses (telling viewers,
 * and the status index, where the run stands) until resumed, and reports cancellation to the engine, which then
 * stops at once.
 */
final class ControlledListener implements BacktestListener {

    interface StateChanges {
        void paused(long seq);

        void resumed(long seq);
    }

    private final RunEmitter emitter;
    private final RunControl control;
    private final Duration maxPause;
    private final StateChanges states;
    private long processed;
    private Instant simulatedTime;

    ControlledListener(RunEmitter emitter, RunControl control, Duration maxPause, StateChanges states) {
        this.emitter = emitter;
        this.control = control;
        this.maxPause = maxPause;
        this.states = states;
    }

    @Override
    public void onStart(int totalCandles, Instant firstCandleTime) {
        simulatedTime = firstCandleTime;
        emitter.onStart(totalCandles, firstCandleTime);
    }

    @Override
    public void onFill(Fill fill) {
        emitter.onFill(fill);
    }

    @Override
    public void onCandle(int processedCandles, int total, Candle candle, PortfolioSnapshot snapshot) {
        emitter.onCandle(processedCandles, total, candle, snapshot);
        processed = processedCandles;
        simulatedTime = snapshot.time();
        if (control.pauseRequested()) {
            pause();
        }
    }

    @Override
    public boolean cancelRequested() {
        return control.cancelRequested();
    }

    long processed() {
        return processed;
    }

    Instant simulatedTime() {
        return simulatedTime;
    }

    private void pause() {
        states.paused(emitter.emitControl(new ControlEvent(ControlEvent.PAUSED, processed, simulatedTime)));
        boolean goOn;
        try {
            goOn = control.awaitResumeOrCancel(maxPause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.apply(io.tapecast.schemas.backtest.ControlAction.cancel);
            goOn = false;
        }
        if (goOn) {
            states.resumed(emitter.emitControl(new ControlEvent(ControlEvent.RESUMED, processed, simulatedTime)));
        }
    }
}

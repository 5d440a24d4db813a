package io.tapecast.schemas.backtest;

/**
 * Lifecycle of a run as kept in {@code backtest.status}: {@code queued → running (⇄ paused) → completed | failed |
 * cancelled}.
 */
public enum BacktestState {
    queued, running, paused, completed, failed, cancelled;

    public boolean isFinal() {
        return this == completed || this == failed || this == cancelled;
    }
}

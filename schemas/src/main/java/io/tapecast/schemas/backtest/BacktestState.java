package io.tapecast.schemas.backtest;

/** Lifecycle of a run as kept in {@code backtest.status}: {@code queued → running → completed | failed}. */
public enum BacktestState {
    queued, running, completed, failed;

    public boolean isFinal() {
        return this == completed || this == failed;
    }
}

package io.tapecast.schemas.backtest;

/** What a user asked of a running backtest, on {@code backtest.control}. */
public enum ControlAction {
    cancel, pause, resume
}

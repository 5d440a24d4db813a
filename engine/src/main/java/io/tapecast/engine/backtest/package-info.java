/**
 * The backtest loop: a {@link io.tapecast.engine.backtest.BacktestSpec} in, fills and metrics out, with a
 * {@link io.tapecast.engine.backtest.BacktestListener} to observe the run as it happens.
 */
package io.tapecast.engine.backtest;

/**
 * Market data: candles, timeframes, and where candles come from (CSV files, a deterministic synthetic
 * market, or both behind {@link io.tapecast.engine.market.MarketData}).
 */
package io.tapecast.engine.market;

/**
 * Market analysis, pure and incremental: candlestick patterns ({@link io.tapecast.engine.analysis.CandlestickPatterns},
 * TA-Lib's definitions), market structure ({@link io.tapecast.engine.analysis.MarketStructure}: swings, break of
 * structure, change of character, trend), fair value gaps ({@link io.tapecast.engine.analysis.FairValueGaps}) and
 * the confluence score ({@link io.tapecast.engine.analysis.Confluence}).
 * <p>
 * Every analyser takes closed candles one at a time and reports each result at the close of the candle that makes
 * it known — never with hindsight, and never revising a result already reported: the output for candle i depends on
 * candles ≤ i only. {@link io.tapecast.engine.analysis.TimeframeAnalyzer} bundles them for one timeframe (strategies
 * use it); {@link io.tapecast.engine.analysis.MarketAnalyzer} turns its results into market-data payloads for one
 * (symbol, timeframe); {@link io.tapecast.engine.analysis.SymbolAnalysis} runs several timeframes of a symbol and
 * lets each confluence see the coarser timeframes' trends.
 */
package io.tapecast.engine.analysis;

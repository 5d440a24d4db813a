package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;

import java.util.List;
import java.util.Objects;

/** What one closed candle made known on its timeframe: patterns, then structure events (swings, breaks, gaps). */
public record CandleAnalysis(Candle candle, List<PatternMatch> patterns, List<StructureSignal> structure) {

    public CandleAnalysis {
        Objects.requireNonNull(candle, "candle");
        patterns = List.copyOf(patterns);
        structure = List.copyOf(structure);
    }
}

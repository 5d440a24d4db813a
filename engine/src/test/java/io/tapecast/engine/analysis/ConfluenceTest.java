package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.WilderRsi;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.ConfluenceComponent;
import io.tapecast.schemas.market.ConfluenceFactor;
import io.tapecast.schemas.market.Trend;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfluenceTest {

    @Test
    void theWeightsSumTo100() {
        assertThat(Confluence.TREND_WEIGHT + Confluence.STRUCTURE_WEIGHT + Confluence.PATTERN_WEIGHT
                + Confluence.MOMENTUM_WEIGHT).isEqualTo(100.0);
    }

    @Test
    void beforeAnyAnalysisTheScoreIsZeroAndNeutral() {
        TimeframeAnalyzer fresh = new TimeframeAnalyzer(AnalysisSettings.defaults());
        ConfluenceScore score = Confluence.score(fresh, Map.of("1m", Trend.UNDEFINED));
        assertThat(score.score()).isZero();
        assertThat(score.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(score.components()).extracting(ConfluenceComponent::factor).containsExactly(
                ConfluenceFactor.TREND_ALIGNMENT, ConfluenceFactor.STRUCTURE, ConfluenceFactor.PATTERN,
                ConfluenceFactor.MOMENTUM);
        assertThat(score.components()).extracting(ConfluenceComponent::detail).containsExactly(
                "0 of 1 timeframes up (1m undefined)", "no break yet", "no bullish pattern in the last 3 candles",
                "RSI(14) not ready");
    }

    /**
     * The structure story (L = 1) ends with a bullish choch at candle 11; RSI(2) by hand via WilderRsi; a 1h trend
     * down. Bullish: trend 1 of 2 → 20, choch → 12.5, no pattern → 0, momentum from the RSI.
     */
    @Test
    void aHandComputedScore() {
        TimeframeAnalyzer analyzer = new TimeframeAnalyzer(new AnalysisSettings(1, 2, 3, 50));
        WilderRsi rsi = new WilderRsi(2);
        for (Candle c : MarketStructureTest.story().list()) {
            analyzer.onCandle(c);
            rsi.add(c.close());
        }
        Map<String, Trend> trends = new LinkedHashMap<>();
        trends.put("1m", analyzer.trend());
        trends.put("1h", Trend.DOWN);
        ConfluenceScore score = Confluence.score(analyzer, trends);

        double momentumBull = Math.max(0, Math.min(1, (rsi.value() - 50) / 20));
        double momentumBear = Math.max(0, Math.min(1, (50 - rsi.value()) / 20));
        double expectedBull = 20 + 12.5 + Math.round(20 * momentumBull * 100) / 100.0;
        double expectedBear = 20 + 0 + Math.round(20 * momentumBear * 100) / 100.0;
        assertThat(score.bullishScore()).isCloseTo(expectedBull, within(1e-9));
        assertThat(score.bearishScore()).isCloseTo(expectedBear, within(1e-9));
        assertThat(score.bias()).isEqualTo(Bias.BULLISH);
        assertThat(score.score()).isEqualTo(score.bullishScore());
        List<ConfluenceComponent> parts = score.components();
        assertThat(parts.get(0).points()).isEqualTo(20.0);
        assertThat(parts.get(0).detail()).isEqualTo("1 of 2 timeframes up (1m up, 1h down)");
        assertThat(parts.get(1).value()).isEqualTo(0.5);
        assertThat(parts.get(1).detail()).isEqualTo("choch bullish at " + Bars.time(11));
        assertThat(parts.stream().mapToDouble(ConfluenceComponent::points).sum())
                .isCloseTo(score.score(), within(1e-9));
        assertThat(score.bearishComponents().get(1).detail()).endsWith("(against)");
    }

    @Test
    void aRecentPatternCountsWithItsStrengthForThePatternWindowOnly() {
        // base candles, then a bullish engulfing at 80 (open = previous close)
        Bars bars = new Bars().repeat(3, 100, 105, 95, 104).ohlc(104, 104.5, 99.5, 100).ohlc(100, 106, 99, 105);
        TimeframeAnalyzer analyzer = new TimeframeAnalyzer(AnalysisSettings.defaults());
        bars.list().forEach(analyzer::onCandle);
        ConfluenceComponent pattern = Confluence.score(analyzer, Map.of("1m", Trend.UNDEFINED)).bullishComponents()
                .get(2);
        assertThat(pattern.value()).isEqualTo(0.8);
        assertThat(pattern.points()).isEqualTo(12.0);
        assertThat(pattern.detail()).isEqualTo("bullish_engulfing (80) at " + Bars.time(4));
        // two more candles: still inside the 3-candle window; a third: gone
        analyzer.onCandle(new Candle(Bars.time(5), 105, 106, 104, 105.5, 1));
        analyzer.onCandle(new Candle(Bars.time(6), 105.5, 106, 104, 105.5, 1));
        assertThat(analyzer.recentPatterns()).extracting(PatternMatch::strength).contains(80);
        analyzer.onCandle(new Candle(Bars.time(7), 105.5, 106, 104, 105.6, 1));
        assertThat(analyzer.recentPatterns()).extracting(PatternMatch::strength).doesNotContain(80);
    }
}

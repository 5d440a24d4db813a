package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.MarketFields;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.PatternType;
import io.tapecast.schemas.market.StructureEvent;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketAnalyzerTest {

    @Test
    void eachClosedCandleYieldsPatternsThenStructureThenOneConfluence() {
        MarketAnalyzer analyzer = new MarketAnalyzer("BTC-USD", Timeframe.H1, AnalysisSettings.withSwingLookback(1));
        List<Payload> last = List.of();
        for (Candle c : MarketStructureTest.story().list()) {
            last = analyzer.onClosedCandle(c);
        }
        // open = close on every candle of the story: from the 11th candle on each one is also a doji
        assertThat(last).extracting(Payload::eventType)
                .containsExactly("pattern", "structure", "structure", "confluence");
        assertThat(((PatternEvent) last.get(0)).pattern()).isEqualTo(PatternType.DOJI);
        StructureEvent choch = (StructureEvent) last.get(2);
        assertThat(choch.kind()).isEqualTo(StructureKind.CHOCH);
        assertThat(choch.symbol()).isEqualTo("BTC-USD");
        assertThat(choch.timeframe()).isEqualTo("1h");
        assertThat(choch.price()).isEqualTo(9.0);
        assertThat(choch.gapLow()).isNull();
        assertThat(choch.trend()).isEqualTo(Trend.UP);
        ConfluenceEvent confluence = (ConfluenceEvent) last.get(3);
        assertThat(confluence.trends()).containsExactly(java.util.Map.entry("1h", Trend.UP));
        assertThat(analyzer.latestConfluence()).contains(confluence);
        assertThat(WireJson.mapper().writeValueAsString(choch)).contains("\"kind\":\"choch\"", "\"trend\":\"up\"")
                .doesNotContain("gap_low");
    }

    @Test
    void gapsTravelAsStructureEventsWithBoundsAndNoPrice() {
        MarketAnalyzer analyzer = new MarketAnalyzer("ETH-USD", Timeframe.M5, AnalysisSettings.defaults());
        analyzer.onClosedCandle(new Candle(Bars.time(0), 9.5, 10, 9, 9.5, 1));
        analyzer.onClosedCandle(new Candle(Bars.time(1), 11.5, 12, 9.5, 11.5, 1));
        List<Payload> events = analyzer.onClosedCandle(new Candle(Bars.time(2), 12.5, 13, 10.5, 12.5, 1));
        StructureEvent gap = (StructureEvent) events.get(0);
        assertThat(gap.kind()).isEqualTo(StructureKind.FVG);
        assertThat(gap.direction()).isEqualTo(Bias.BULLISH);
        assertThat(gap.price()).isNull();
        assertThat(gap.gapLow()).isEqualTo(10.0);
        assertThat(gap.gapHigh()).isEqualTo(10.5);
        assertThat(gap.referenceTime()).isEqualTo(Bars.time(1));
    }

    @Test
    void candlesOutOfOrderAreRefused() {
        MarketAnalyzer analyzer = new MarketAnalyzer("BTC-USD", Timeframe.M1, AnalysisSettings.defaults());
        analyzer.onClosedCandle(new Candle(Bars.time(1), 10, 11, 9, 10, 1));
        assertThatThrownBy(() -> analyzer.onClosedCandle(new Candle(Bars.time(1), 10, 11, 9, 10, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new MarketAnalyzer("btc", Timeframe.M1, AnalysisSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candleEventsCarryTheBucketOpenTimeAndTheClosedFlag() {
        Candle c = new Candle(Bars.time(3), 10, 11, 9, 10.5, 7);
        CandleEvent forming = MarketAnalyzer.candleEvent("BTC-USD", Timeframe.H4, c, false);
        assertThat(forming.timeframe()).isEqualTo("4h");
        assertThat(forming.openTime()).isEqualTo(Bars.time(3));
        assertThat(forming.closed()).isFalse();
        assertThat(new MarketAnalyzer("BTC-USD", Timeframe.M1, AnalysisSettings.defaults()).candleEvent(c, true)
                .closed()).isTrue();
    }

    @Test
    void theWireTimeframesAreTheEngineTimeframes() {
        assertThat(MarketFields.TIMEFRAMES).containsExactlyElementsOf(
                Arrays.stream(Timeframe.values()).map(Timeframe::label).toList());
    }

    @Test
    void symbolAnalysisCombinesCoarserTimeframesOnly() {
        SymbolAnalysis analysis = new SymbolAnalysis("BTC-USD", List.of(Timeframe.H1, Timeframe.M1, Timeframe.H4),
                AnalysisSettings.withSwingLookback(1));
        List<Payload> h4 = new ArrayList<>();
        for (Candle c : MarketStructureTest.story().list()) {
            h4 = analysis.onClosedCandle(Timeframe.H4, c);
        }
        ConfluenceEvent fromH4 = (ConfluenceEvent) h4.get(h4.size() - 1);
        assertThat(fromH4.trends()).containsExactly(java.util.Map.entry("4h", Trend.UP));
        List<Payload> m1 = analysis.onClosedCandle(Timeframe.M1, new Candle(Bars.time(0), 10, 11, 9, 10, 1));
        ConfluenceEvent fromM1 = (ConfluenceEvent) m1.get(m1.size() - 1);
        assertThat(fromM1.trends().keySet()).containsExactly("1m", "1h", "4h");
        assertThat(fromM1.trends().get("4h")).isEqualTo(Trend.UP);
        assertThat(fromM1.components().get(0).detail()).isEqualTo("1 of 3 timeframes up (1m undefined, 1h undefined, 4h up)");
        assertThat(fromM1.bullishScore()).isEqualTo(13.33);
        assertThatThrownBy(() -> analysis.onClosedCandle(Timeframe.D1, new Candle(Bars.time(0), 10, 11, 9, 10, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1d");
    }
}

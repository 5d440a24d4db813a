package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FairValueGapsTest {

    private static List<String> run(int maxOpen, Bars bars) {
        FairValueGaps gaps = new FairValueGaps(maxOpen);
        List<String> out = new ArrayList<>();
        List<Candle> candles = bars.list();
        for (int i = 0; i < candles.size(); i++) {
            for (StructureSignal s : gaps.onCandle(candles.get(i), Trend.UNDEFINED)) {
                assertThat(s.time()).isEqualTo(Bars.time(i));
                assertThat(Double.isNaN(s.price())).isTrue();
                int reference = (int) ((s.referenceTime().getEpochSecond() - Bars.T0.getEpochSecond()) / 3_600);
                out.add(i + ":" + s.kind().wireName() + ":" + s.direction().wireName() + ":" + s.gapLow() + "-"
                        + s.gapHigh() + ":" + reference);
            }
        }
        return out;
    }

    @Test
    void aBullishGapIsReportedAtTheThirdCandleAndMitigatedWhenPriceTouchesItsTop() {
        Bars bars = new Bars()
                .hlc(10, 9, 9.5)       // a
                .hlc(12, 9.5, 11.5)    // b
                .hlc(13, 10.5, 12.5)   // c: low 10.5 > high(a) 10 → gap [10, 10.5]
                .hlc(13.5, 10.6, 13)   // stays above the gap
                .hlc(13, 10.5, 11)     // low touches 10.5: mitigated
                .hlc(12, 9, 10);       // already gone
        assertThat(run(10, bars)).containsExactly(
                "2:fvg:bullish:10.0-10.5:1",
                "4:fvg_mitigated:bullish:10.0-10.5:1");
    }

    @Test
    void aBearishGapMirrorsIt() {
        Bars bars = new Bars()
                .hlc(11, 10, 10.5)
                .hlc(10.5, 8, 8.5)
                .hlc(9, 7, 7.5)        // high 9 < low(a) 10 → gap [9, 10]
                .hlc(9, 6.5, 8.5);     // high 9 ≥ gap low 9: mitigated
        assertThat(run(10, bars)).containsExactly(
                "2:fvg:bearish:9.0-10.0:1",
                "3:fvg_mitigated:bearish:9.0-10.0:1");
    }

    @Test
    void edgesThatOnlyTouchAreNoGap() {
        assertThat(run(10, new Bars().hlc(10, 9, 9.5).hlc(12, 9.5, 11.5).hlc(13, 10, 12.5))).isEmpty();
        assertThat(run(10, new Bars().hlc(11, 10, 10.5).hlc(10.5, 8, 8.5).hlc(10, 7, 7.5))).isEmpty();
    }

    @Test
    void theOldestOpenGapIsDroppedWhenTheLimitIsReached() {
        Bars bars = new Bars()
                .hlc(10, 9, 9.5).hlc(12, 9.5, 11.5).hlc(13, 10.5, 12.5)   // gap 1 [10, 10.5]
                .hlc(15, 13.5, 14.5)                                      // gap 2 [12, 13.5] (a = candle 1)
                .hlc(14, 9.8, 10);                                        // touches both; only gap 2 is tracked
        FairValueGaps gaps = new FairValueGaps(1);
        List<StructureSignal> last = List.of();
        for (Candle c : bars.list()) {
            last = gaps.onCandle(c, Trend.UP);
        }
        assertThat(last).hasSize(1);
        assertThat(last.get(0).kind()).isEqualTo(StructureKind.FVG_MITIGATED);
        assertThat(last.get(0).gapLow()).isEqualTo(12.0);
        assertThat(last.get(0).trend()).isEqualTo(Trend.UP);
        assertThat(gaps.openGaps()).isEmpty();
        assertThat(new FairValueGap(Bars.T0, Bias.BULLISH, 1, 2).high()).isEqualTo(2);
    }
}

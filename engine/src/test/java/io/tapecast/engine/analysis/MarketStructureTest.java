package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketStructureTest {

    /** "index:kind:direction:price:referenceIndex:trend" for every event, in order. */
    private static List<String> run(int lookback, Bars bars) {
        MarketStructure structure = new MarketStructure(lookback);
        List<String> out = new ArrayList<>();
        List<Candle> candles = bars.list();
        for (int i = 0; i < candles.size(); i++) {
            for (StructureSignal s : structure.onCandle(candles.get(i))) {
                assertThat(s.time()).isEqualTo(Bars.time(i));
                int reference = (int) ((s.referenceTime().getEpochSecond() - Bars.T0.getEpochSecond()) / 3_600);
                out.add(i + ":" + s.kind().wireName() + ":" + s.direction().wireName() + ":" + s.price() + ":"
                        + reference + ":" + s.trend().wireName());
            }
        }
        return out;
    }

    /** L = 1: two swings each way, a bos from undefined, a choch down, a bos down, a choch up. */
    static Bars story() {
        return new Bars()
                .hlc(10, 8, 9)        // 0
                .hlc(12, 9, 11)       // 1 swing high 12
                .hlc(11, 9.5, 10)     // 2 confirms it
                .hlc(10.5, 7, 8)      // 3 swing low 7
                .hlc(11, 8.5, 10.5)   // 4 confirms it
                .hlc(13, 10, 12.5)    // 5 close above 12: bos (trend was undefined); swing high 13
                .hlc(12, 9, 9.5)      // 6 confirms 13
                .hlc(11, 6, 6.5)      // 7 close below 7: choch down
                .hlc(8, 5, 7.5)       // 8 swing low 5
                .hlc(9, 5.5, 8)       // 9 confirms 5; swing high 9
                .hlc(8.5, 4, 4.5)     // 10 confirms 9; close below 5: bos down; swing low 4
                .hlc(9.5, 4.2, 9.2);  // 11 confirms 4; close above 9 (the latest swing high, not 13): choch up
    }

    @Test
    void swingsBreaksAndTrendOnAHandMadeSeries() {
        assertThat(run(1, story())).containsExactly(
                "2:swing_high:bearish:12.0:1:undefined",
                "4:swing_low:bullish:7.0:3:undefined",
                "5:bos:bullish:12.0:1:up",
                "6:swing_high:bearish:13.0:5:up",
                "7:choch:bearish:7.0:3:down",
                "9:swing_low:bullish:5.0:8:down",
                "10:swing_high:bearish:9.0:9:down",
                "10:bos:bearish:5.0:8:down",
                "11:swing_low:bullish:4.0:10:down",
                "11:choch:bullish:9.0:9:up");
    }

    @Test
    void aSwingIsConfirmedExactlyLCandlesLater() {
        // L = 2: the high of candle 2 is confirmed at the close of candle 4, not before
        Bars bars = new Bars().hlc(10, 9, 9.5).hlc(11, 9, 10).hlc(15, 10, 12).hlc(13, 10, 11).hlc(12, 10, 11);
        MarketStructure structure = new MarketStructure(2);
        List<Candle> candles = bars.list();
        for (int i = 0; i < 4; i++) {
            assertThat(structure.onCandle(candles.get(i))).as("candle " + i).isEmpty();
        }
        List<StructureSignal> confirmed = structure.onCandle(candles.get(4));
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).kind()).isEqualTo(StructureKind.SWING_HIGH);
        assertThat(confirmed.get(0).time()).isEqualTo(Bars.time(4));
        assertThat(confirmed.get(0).referenceTime()).isEqualTo(Bars.time(2));
        assertThat(confirmed.get(0).price()).isEqualTo(15.0);
        assertThat(structure.lastSwingHigh()).contains(new Swing(Bars.time(2), 15));
    }

    @Test
    void tiesOnEitherSideMakeNoSwing() {
        // equal highs side by side: neither is a swing high
        assertThat(run(1, new Bars().hlc(10, 9, 9.5).hlc(12, 9, 11).hlc(12, 9, 11).hlc(10, 9, 9.5))).isEmpty();
        // a tie at the far edge of the window (L = 2 candles to the left)
        assertThat(run(2, new Bars().hlc(12, 9, 11).hlc(11, 9, 10).hlc(12, 9, 11).hlc(11, 9, 10).hlc(10, 9, 9.5)))
                .isEmpty();
        // equal lows
        assertThat(run(1, new Bars().hlc(10, 8, 9).hlc(10, 7, 8).hlc(10, 7, 8).hlc(10, 8, 9))).isEmpty();
        // the first L candles are never swings (no L candles before them)
        assertThat(run(1, new Bars().hlc(12, 9, 11).hlc(10, 9.5, 10).hlc(11, 9.8, 10.5))).isEmpty();
    }

    @Test
    void aCloseEqualToTheLevelBreaksNothingAndAConfirmedSwingBreaksOnce() {
        Bars bars = new Bars().hlc(10, 8, 9).hlc(12, 9, 11).hlc(11, 9.5, 10)
                .hlc(12.5, 10, 12)    // close = 12: no break
                .hlc(13, 11, 12.5)    // close above: bos
                .hlc(13.5, 11.5, 13); // still above, but the level is already broken
        assertThat(run(1, bars)).containsExactly(
                "2:swing_high:bearish:12.0:1:undefined",
                "4:bos:bullish:12.0:1:up");
    }

    @Test
    void anOutsideBarCanBeBothSwings() {
        Bars bars = new Bars().hlc(10, 8, 9).hlc(12, 7, 11).hlc(11, 8, 10);
        assertThat(run(1, bars)).containsExactly(
                "2:swing_high:bearish:12.0:1:undefined",
                "2:swing_low:bullish:7.0:1:undefined");
    }

    @Test
    void trendAndLastSwingsAreExposed() {
        MarketStructure structure = new MarketStructure(1);
        story().list().forEach(structure::onCandle);
        assertThat(structure.trend()).isEqualTo(Trend.UP);
        assertThat(structure.lastSwingHigh()).contains(new Swing(Bars.time(9), 9));
        assertThat(structure.lastSwingLow()).contains(new Swing(Bars.time(10), 4));
        assertThat(new MarketStructure(3).trend()).isEqualTo(Trend.UNDEFINED);
        assertThat(Bias.values()).contains(Bias.NEUTRAL);
    }
}

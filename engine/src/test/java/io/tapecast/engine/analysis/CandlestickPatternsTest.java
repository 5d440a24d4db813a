package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.PatternType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TA-Lib's definitions on hand-made series. The base candles (open 100, high 105, low 95, close 104) make every
 * average easy: body 4, range 10, so BodyShort = 4, BodyDoji = ShadowVeryShort = 1.0, Near = 2.0.
 */
class CandlestickPatternsTest {

    private static Bars base(int n) {
        return new Bars().repeat(n, 100, 105, 95, 104);
    }

    /** The patterns reported for each candle, in order. */
    private static List<List<PatternMatch>> run(Bars bars) {
        CandlestickPatterns patterns = new CandlestickPatterns();
        List<List<PatternMatch>> out = new ArrayList<>();
        for (Candle c : bars.list()) {
            out.add(patterns.onCandle(c));
        }
        return out;
    }

    private static List<PatternMatch> last(Bars bars) {
        List<List<PatternMatch>> all = run(bars);
        return all.get(all.size() - 1);
    }

    @Test
    void dojiIsABodyAtMostATenthOfTheAverageRangeOfThePreviousTenCandles() {
        // body 1.0 = 0.1 × 10 exactly: a tie counts (TA-Lib: <=)
        List<PatternMatch> tie = last(base(10).ohlc(100, 103, 99, 101));
        assertThat(tie).extracting(PatternMatch::pattern).containsExactly(PatternType.DOJI);
        assertThat(tie.get(0).strength()).isEqualTo(100);
        assertThat(tie.get(0).direction()).isEqualTo(Bias.NEUTRAL);
        assertThat(tie.get(0).candles()).isEqualTo(1);
        assertThat(tie.get(0).startTime()).isEqualTo(tie.get(0).time()).isEqualTo(Bars.time(10));

        assertThat(last(base(10).ohlc(100, 103, 99, 101.5))).isEmpty();
    }

    @Test
    void nothingIsReportedBeforeTaLibsLookback() {
        // a zero body on the 10th candle: only 9 candles before it, no average yet
        assertThat(last(base(9).ohlc(100, 103, 99, 100))).isEmpty();
        assertThat(last(base(10).ohlc(100, 103, 99, 100))).extracting(PatternMatch::pattern)
                .containsExactly(PatternType.DOJI);
    }

    @Test
    void hammerHasASmallBodyNearThePreviousLowALongLowerShadowAndAlmostNoUpperShadow() {
        List<PatternMatch> hammer = last(base(11).ohlc(96, 98, 91, 97.5));
        assertThat(hammer).extracting(PatternMatch::pattern).containsExactly(PatternType.HAMMER);
        assertThat(hammer.get(0).strength()).isEqualTo(100);
        assertThat(hammer.get(0).direction()).isEqualTo(Bias.BULLISH);
        // the same candle as the 11th: hammer's lookback is 11
        assertThat(last(base(10).ohlc(96, 98, 91, 97.5))).isEmpty();
        // body not near the previous low (95 + Near 2.0 = 97 < 98)
        assertThat(last(base(11).ohlc(98, 100, 93, 99.5))).isEmpty();
        // upper shadow 1.0 is not below ShadowVeryShort 1.0
        assertThat(last(base(11).ohlc(96, 98.5, 91, 97.5))).isEmpty();
    }

    @Test
    void shootingStarHasALongUpperShadowAndGapsUpFromThePreviousBody() {
        List<PatternMatch> star = last(base(11).ohlc(106, 113, 105.8, 107.5));
        assertThat(star).extracting(PatternMatch::pattern).containsExactly(PatternType.SHOOTING_STAR);
        assertThat(star.get(0).strength()).isEqualTo(-100);
        assertThat(star.get(0).direction()).isEqualTo(Bias.BEARISH);
        // no body gap up: the body starts at the previous close
        assertThat(last(base(11).ohlc(104, 111, 103.8, 105.5))).isEmpty();
    }

    @Test
    void engulfingIs100WhenNoEndMatchesAnd80WhenOneDoes() {
        Bars bars = new Bars().hlc(101, 99, 100).ohlc(102, 102.5, 99.5, 100);
        assertThat(last(new Bars().hlc(101, 99, 100).ohlc(102, 102.5, 99.5, 100).ohlc(99, 103.5, 98.5, 103)))
                .extracting(PatternMatch::pattern, PatternMatch::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.BULLISH_ENGULFING, 100));
        // open equals the previous close: one end matches → 80
        List<PatternMatch> eighty = last(bars.ohlc(100, 103.5, 99.5, 103));
        assertThat(eighty).extracting(PatternMatch::pattern, PatternMatch::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.BULLISH_ENGULFING, 80));
        assertThat(eighty.get(0).candles()).isEqualTo(2);
        assertThat(eighty.get(0).startTime()).isEqualTo(Bars.time(1));

        assertThat(last(new Bars().hlc(101, 99, 100).ohlc(100, 102.5, 99.5, 102).ohlc(103, 103.5, 98.5, 99)))
                .extracting(PatternMatch::pattern, PatternMatch::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.BEARISH_ENGULFING, -100));
        assertThat(last(new Bars().hlc(101, 99, 100).ohlc(100, 102.5, 99.5, 102).ohlc(102, 103.5, 98.5, 99)))
                .extracting(PatternMatch::pattern, PatternMatch::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatternType.BEARISH_ENGULFING, -80));
    }

    @Test
    void equalBodiesOrTheSameColourAreNoEngulfing() {
        // black 102→100 then white 100→102: both ends match
        assertThat(last(new Bars().hlc(101, 99, 100).ohlc(102, 102.5, 99.5, 100).ohlc(100, 102.5, 99.5, 102)))
                .isEmpty();
        // both white
        assertThat(last(new Bars().hlc(101, 99, 100).ohlc(100, 102.5, 99.5, 102).ohlc(99, 103.5, 98.5, 103)))
                .isEmpty();
        // only two candles: TA-Lib's lookback is 2
        assertThat(last(new Bars().ohlc(102, 102.5, 99.5, 100).ohlc(99, 103.5, 98.5, 103))).isEmpty();
    }

    @Test
    void morningStarIsLongBlackThenShortGappingDownThenWhiteClosingWellIntoTheFirstBody() {
        Bars bars = base(10)
                .ohlc(110, 111, 99, 100)    // long black, body 10
                .ohlc(98, 98.5, 97, 97.5)   // short, body gap down (98 < 100)
                .ohlc(99, 105.5, 98.8, 105); // white, body 6, close 105 > 100 + 0.3 × 10
        List<List<PatternMatch>> all = run(bars);
        assertThat(all.get(11)).extracting(PatternMatch::pattern).containsExactly(PatternType.DOJI);
        List<PatternMatch> star = all.get(12);
        assertThat(star).extracting(PatternMatch::pattern).containsExactly(PatternType.MORNING_STAR);
        assertThat(star.get(0).strength()).isEqualTo(100);
        assertThat(star.get(0).candles()).isEqualTo(3);
        assertThat(star.get(0).startTime()).isEqualTo(Bars.time(10));

        // third candle not closing above close(i-2) + 0.3 × body(i-2) = 103
        assertThat(last(base(10).ohlc(110, 111, 99, 100).ohlc(98, 98.5, 97, 97.5).ohlc(97.8, 102.9, 97.6, 102.8)))
                .isEmpty();
    }

    @Test
    void eveningStarMirrorsTheMorningStar() {
        Bars bars = base(10)
                .ohlc(100, 111, 99, 110)
                .ohlc(112, 113, 111.5, 112.5)
                .ohlc(111, 111.2, 104.5, 105);
        List<PatternMatch> star = last(bars);
        assertThat(star).extracting(PatternMatch::pattern).containsExactly(PatternType.EVENING_STAR);
        assertThat(star.get(0).strength()).isEqualTo(-100);
        assertThat(star.get(0).direction()).isEqualTo(Bias.BEARISH);
    }
}

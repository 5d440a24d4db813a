package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.PatternType;

import java.util.ArrayList;
import java.util.List;

/**
 * Candlestick patterns with TA-Lib's definitions (TA-Lib 0.4 / 0.6, default candle settings), computed one closed
 * candle at a time. A pattern is reported at the close of its last candle and never revised: the result for candle
 * i depends on candles ≤ i only, and equals the value TA-Lib's function would output at index i if run over all
 * candles fed so far.
 *
 * <h2>Terms (TA-Lib's macros)</h2>
 * <ul>
 *   <li>body = |close − open|; range = high − low; upper shadow = high − max(open, close); lower shadow =
 *       min(open, close) − low; color = white (+1) when close ≥ open, else black (−1) — an open = close candle is
 *       white, as in TA-Lib.</li>
 *   <li>average(S, i) = factor × (mean of S's range type over the {@code period} candles <em>before</em> i), or
 *       factor × S's range type of candle i itself when the period is 0. TA-Lib's default candle settings:
 *       <table>
 *         <caption>candle settings</caption>
 *         <tr><th>setting</th><th>range type</th><th>period</th><th>factor</th></tr>
 *         <tr><td>BodyLong</td><td>body</td><td>10</td><td>1.0</td></tr>
 *         <tr><td>BodyShort</td><td>body</td><td>10</td><td>1.0</td></tr>
 *         <tr><td>BodyDoji</td><td>range</td><td>10</td><td>0.1</td></tr>
 *         <tr><td>ShadowLong</td><td>body</td><td>0</td><td>1.0</td></tr>
 *         <tr><td>ShadowVeryShort</td><td>range</td><td>10</td><td>0.1</td></tr>
 *         <tr><td>Near</td><td>range</td><td>5</td><td>0.2</td></tr>
 *       </table></li>
 *   <li>body gap up (i over j): min(open, close) of i &gt; max(open, close) of j; body gap down: max(open, close)
 *       of i &lt; min(open, close) of j.</li>
 * </ul>
 *
 * <h2>Patterns (i = the candle just closed)</h2>
 * <ul>
 *   <li><b>doji</b> (CDLDOJI, +100): body(i) ≤ average(BodyDoji, i), i.e. the body is at most 0.1 × the average
 *       range of the previous 10 candles. First possible at the 11th candle (lookback 10).</li>
 *   <li><b>hammer</b> (CDLHAMMER, +100): body(i) &lt; average(BodyShort, i); lower shadow(i) &gt; body(i)
 *       (ShadowLong, period 0); upper shadow(i) &lt; average(ShadowVeryShort, i); and min(open, close) of i ≤
 *       low(i−1) + average(Near, i−1) (the body is near or below the previous low; Near averages the 5 candles
 *       before i−1). Lookback 11.</li>
 *   <li><b>shooting star</b> (CDLSHOOTINGSTAR, −100): body(i) &lt; average(BodyShort, i); upper shadow(i) &gt;
 *       body(i); lower shadow(i) &lt; average(ShadowVeryShort, i); body gap up of i over i−1. Lookback 11.</li>
 *   <li><b>engulfing</b> (CDLENGULFING): i white, i−1 black and (close(i) ≥ open(i−1) and open(i) &lt;
 *       close(i−1), or close(i) &gt; open(i−1) and open(i) ≤ close(i−1)) → bullish; i black, i−1 white and
 *       (open(i) ≥ close(i−1) and close(i) &lt; open(i−1), or open(i) &gt; close(i−1) and close(i) ≤ open(i−1)) →
 *       bearish. ±100 when neither end of the bodies matches (open(i) ≠ close(i−1) and close(i) ≠ open(i−1)),
 *       ±80 when one does; two equal bodies (both ends match) are no engulfing. Lookback 2.</li>
 *   <li><b>morning star</b> (CDLMORNINGSTAR, penetration 0.3, +100): i−2 black with body &gt; average(BodyLong,
 *       i−2); i−1 body ≤ average(BodyShort, i−1) with a body gap down from i−2; i white with body &gt;
 *       average(BodyShort, i); close(i) &gt; close(i−2) + 0.3 × body(i−2). Lookback 12.</li>
 *   <li><b>evening star</b> (CDLEVENINGSTAR, penetration 0.3, −100): the mirror image — i−2 long white, i−1 short
 *       with a body gap up, i black closing below close(i−2) − 0.3 × body(i−2). Lookback 12.</li>
 * </ul>
 * Simplifications: the settings are fixed at TA-Lib's defaults; averages are summed afresh for each candle rather
 * than as TA-Lib's running total, which can differ from TA-Lib in the last bits of a double (only a comparison
 * exactly at a threshold could flip); like TA-Lib, hammer and shooting star do not check the preceding trend.
 */
public final class CandlestickPatterns {

    static final int DOJI_LOOKBACK = 10;
    static final int HAMMER_LOOKBACK = 11;
    static final int SHOOTING_STAR_LOOKBACK = 11;
    static final int ENGULFING_LOOKBACK = 2;
    static final int STAR_LOOKBACK = 12;
    private static final double STAR_PENETRATION = 0.3;

    private enum RangeType { BODY, HIGH_LOW }

    private enum Setting {
        BODY_LONG(RangeType.BODY, 10, 1.0),
        BODY_SHORT(RangeType.BODY, 10, 1.0),
        BODY_DOJI(RangeType.HIGH_LOW, 10, 0.1),
        SHADOW_LONG(RangeType.BODY, 0, 1.0),
        SHADOW_VERY_SHORT(RangeType.HIGH_LOW, 10, 0.1),
        NEAR(RangeType.HIGH_LOW, 5, 0.2);

        final RangeType type;
        final int period;
        final double factor;

        Setting(RangeType type, int period, double factor) {
            this.type = type;
            this.period = period;
            this.factor = factor;
        }
    }

    private final CandleWindow window = new CandleWindow(STAR_LOOKBACK + 2);

    /** Feeds the next closed candle and returns the patterns it completes (possibly several, e.g. doji and hammer). */
    public List<PatternMatch> onCandle(Candle candle) {
        window.add(candle);
        long index = window.count() - 1;
        List<PatternMatch> out = new ArrayList<>(2);
        if (index >= DOJI_LOOKBACK && body(0) <= average(Setting.BODY_DOJI, 0)) {
            out.add(match(PatternType.DOJI, 100, 1));
        }
        if (index >= HAMMER_LOOKBACK && isHammer()) {
            out.add(match(PatternType.HAMMER, 100, 1));
        }
        if (index >= SHOOTING_STAR_LOOKBACK && isShootingStar()) {
            out.add(match(PatternType.SHOOTING_STAR, -100, 1));
        }
        if (index >= ENGULFING_LOOKBACK) {
            int engulfing = engulfing();
            if (engulfing != 0) {
                out.add(match(engulfing > 0 ? PatternType.BULLISH_ENGULFING : PatternType.BEARISH_ENGULFING,
                        engulfing, 2));
            }
        }
        if (index >= STAR_LOOKBACK) {
            if (isStar(true)) {
                out.add(match(PatternType.MORNING_STAR, 100, 3));
            } else if (isStar(false)) {
                out.add(match(PatternType.EVENING_STAR, -100, 3));
            }
        }
        return out;
    }

    private PatternMatch match(PatternType type, int strength, int candles) {
        return new PatternMatch(window.back(0).time(), window.back(candles - 1).time(), type, strength, candles);
    }

    private boolean isHammer() {
        Candle c = window.back(0);
        return body(0) < average(Setting.BODY_SHORT, 0)
                && lowerShadow(c) > average(Setting.SHADOW_LONG, 0)
                && upperShadow(c) < average(Setting.SHADOW_VERY_SHORT, 0)
                && Math.min(c.open(), c.close()) <= window.back(1).low() + average(Setting.NEAR, 1);
    }

    private boolean isShootingStar() {
        Candle c = window.back(0);
        return body(0) < average(Setting.BODY_SHORT, 0)
                && upperShadow(c) > average(Setting.SHADOW_LONG, 0)
                && lowerShadow(c) < average(Setting.SHADOW_VERY_SHORT, 0)
                && bodyGapUp(c, window.back(1));
    }

    /** TA-Lib's CDLENGULFING value for the latest candle: ±100, ±80 or 0. */
    private int engulfing() {
        Candle c = window.back(0);
        Candle p = window.back(1);
        int color = color(c);
        boolean bullish = color == 1 && color(p) == -1
                && (c.close() >= p.open() && c.open() < p.close() || c.close() > p.open() && c.open() <= p.close());
        boolean bearish = color == -1 && color(p) == 1
                && (c.open() >= p.close() && c.close() < p.open() || c.open() > p.close() && c.close() <= p.open());
        if (!bullish && !bearish) {
            return 0;
        }
        return c.open() != p.close() && c.close() != p.open() ? color * 100 : color * 80;
    }

    private boolean isStar(boolean morning) {
        Candle first = window.back(2);
        Candle star = window.back(1);
        Candle last = window.back(0);
        int sign = morning ? 1 : -1;
        return body(2) > average(Setting.BODY_LONG, 2)
                && color(first) == -sign
                && body(1) <= average(Setting.BODY_SHORT, 1)
                && (morning ? bodyGapDown(star, first) : bodyGapUp(star, first))
                && body(0) > average(Setting.BODY_SHORT, 0)
                && color(last) == sign
                && (morning ? last.close() > first.close() + body(2) * STAR_PENETRATION
                            : last.close() < first.close() - body(2) * STAR_PENETRATION);
    }

    /** TA_CANDLEAVERAGE for the candle {@code back} candles before the latest. */
    private double average(Setting setting, int back) {
        if (setting.period == 0) {
            return setting.factor * range(setting.type, window.back(back));
        }
        double sum = 0;
        for (int k = back + setting.period; k > back; k--) {
            sum += range(setting.type, window.back(k));
        }
        return setting.factor * sum / setting.period;
    }

    private static double range(RangeType type, Candle c) {
        return type == RangeType.BODY ? Math.abs(c.close() - c.open()) : c.high() - c.low();
    }

    private double body(int back) {
        Candle c = window.back(back);
        return Math.abs(c.close() - c.open());
    }

    private static double upperShadow(Candle c) {
        return c.high() - Math.max(c.open(), c.close());
    }

    private static double lowerShadow(Candle c) {
        return Math.min(c.open(), c.close()) - c.low();
    }

    private static int color(Candle c) {
        return c.close() >= c.open() ? 1 : -1;
    }

    private static boolean bodyGapUp(Candle later, Candle earlier) {
        return Math.min(later.open(), later.close()) > Math.max(earlier.open(), earlier.close());
    }

    private static boolean bodyGapDown(Candle later, Candle earlier) {
        return Math.max(later.open(), later.close()) < Math.min(earlier.open(), earlier.close());
    }
}

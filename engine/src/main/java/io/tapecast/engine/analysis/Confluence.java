package io.tapecast.engine.analysis;

import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.ConfluenceComponent;
import io.tapecast.schemas.market.ConfluenceFactor;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The confluence score, 0–100: how much the analysis of a symbol agrees on a direction at the close of a candle of
 * its <em>base</em> timeframe. Each direction d (bullish, bearish) is scored as
 * <pre>
 *   score(d) = 40 × trend_alignment(d) + 25 × structure(d) + 15 × pattern(d) + 20 × momentum(d)
 * </pre>
 * with every factor in [0, 1]:
 * <ul>
 *   <li><b>trend_alignment</b> (40): the share of the timeframes taken into account — the base timeframe and every
 *       coarser timeframe analysed for the symbol, with their latest state — whose trend is d (up for bullish, down
 *       for bearish); {@code undefined} counts against both.</li>
 *   <li><b>structure</b> (25): the base timeframe's latest break, however old: 1 for a {@code bos} in direction d,
 *       0.5 for a {@code choch} in direction d, 0 otherwise (a break the other way, or none yet).</li>
 *   <li><b>pattern</b> (15): the strongest candlestick pattern in direction d completed within the last
 *       {@code patternWindow} candles (default 3, the current one included): |strength| / 100, so 1 for ±100 and 0.8
 *       for an engulfing at ±80; 0 if none. A doji is neutral and counts for neither direction.</li>
 *   <li><b>momentum</b> (20): from the base timeframe's Wilder RSI ({@code rsiPeriod}, default 14): bullish
 *       clamp((RSI − 50) / 20, 0, 1), bearish clamp((50 − RSI) / 20, 0, 1), i.e. full at RSI 70 / 30; 0 until the RSI
 *       is defined.</li>
 * </ul>
 * Each component's points are weight × value rounded to 0.01 (half up); score(d) is the sum of its points, rounded
 * to 0.01. The reported {@code score} is max(score(bullish), score(bearish)) and {@code bias} its direction
 * ({@code neutral} when the two are equal, e.g. before any analysis).
 */
public final class Confluence {

    public static final double TREND_WEIGHT = 40;
    public static final double STRUCTURE_WEIGHT = 25;
    public static final double PATTERN_WEIGHT = 15;
    public static final double MOMENTUM_WEIGHT = 20;
    /** structure(d) for a change of character in direction d. */
    public static final double CHOCH_VALUE = 0.5;

    private Confluence() {
    }

    /**
     * Scores the base timeframe's state against {@code trends}: label → trend of every timeframe taken into
     * account, the base one included (finest first, as it will be reported).
     */
    public static ConfluenceScore score(TimeframeAnalyzer base, Map<String, Trend> trends) {
        if (trends.isEmpty()) {
            throw new IllegalArgumentException("trends must hold at least the base timeframe's trend");
        }
        List<ConfluenceComponent> bullish = components(base, trends, Bias.BULLISH);
        List<ConfluenceComponent> bearish = components(base, trends, Bias.BEARISH);
        double bull = total(bullish);
        double bear = total(bearish);
        Bias bias = bull > bear ? Bias.BULLISH : bear > bull ? Bias.BEARISH : Bias.NEUTRAL;
        return new ConfluenceScore(Math.max(bull, bear), bias, bull, bear, bullish, bearish, trends);
    }

    private static double total(List<ConfluenceComponent> components) {
        double sum = 0;
        for (ConfluenceComponent c : components) {
            sum += c.points();
        }
        return round2(sum);
    }

    private static List<ConfluenceComponent> components(TimeframeAnalyzer base, Map<String, Trend> trends, Bias d) {
        Trend wanted = d == Bias.BULLISH ? Trend.UP : Trend.DOWN;
        String word = wanted.wireName();

        long aligned = trends.values().stream().filter(t -> t == wanted).count();
        double trendValue = (double) aligned / trends.size();
        String trendDetail = aligned + " of " + trends.size() + " timeframes " + word + " ("
                + trends.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().wireName())
                .collect(Collectors.joining(", ")) + ")";

        double structureValue = 0;
        String structureDetail = "no break yet";
        StructureSignal lastBreak = base.latestBreak().orElse(null);
        if (lastBreak != null) {
            boolean with = lastBreak.direction() == d;
            if (with) {
                structureValue = lastBreak.kind() == StructureKind.BOS ? 1 : CHOCH_VALUE;
            }
            structureDetail = lastBreak.kind().wireName() + " " + lastBreak.direction().wireName() + " at "
                    + lastBreak.time() + (with ? "" : " (against)");
        }

        double patternValue = 0;
        PatternMatch best = null;
        for (PatternMatch match : base.recentPatterns()) {
            double value = Math.abs(match.strength()) / 100.0;
            if (match.direction() == d && value > patternValue) {
                patternValue = value;
                best = match;
            }
        }
        String patternDetail = best == null
                ? "no " + d.wireName() + " pattern in the last " + base.settings().patternWindow() + " candles"
                : best.pattern().wireName() + " (" + best.strength() + ") at " + best.time();

        double rsi = base.rsi();
        double momentumValue = 0;
        String momentumDetail = "RSI(" + base.settings().rsiPeriod() + ") not ready";
        if (!Double.isNaN(rsi)) {
            double raw = d == Bias.BULLISH ? (rsi - 50) / 20 : (50 - rsi) / 20;
            momentumValue = Math.max(0, Math.min(1, raw));
            momentumDetail = "RSI(" + base.settings().rsiPeriod() + ") " + String.format(Locale.ROOT, "%.2f", rsi);
        }

        return List.of(
                component(ConfluenceFactor.TREND_ALIGNMENT, TREND_WEIGHT, trendValue, trendDetail),
                component(ConfluenceFactor.STRUCTURE, STRUCTURE_WEIGHT, structureValue, structureDetail),
                component(ConfluenceFactor.PATTERN, PATTERN_WEIGHT, patternValue, patternDetail),
                component(ConfluenceFactor.MOMENTUM, MOMENTUM_WEIGHT, momentumValue, momentumDetail));
    }

    private static ConfluenceComponent component(ConfluenceFactor factor, double weight, double value, String detail) {
        return new ConfluenceComponent(factor, weight, Math.round(value * 10_000) / 10_000.0, round2(weight * value),
                detail);
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}

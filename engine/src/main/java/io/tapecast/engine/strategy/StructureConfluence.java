package io.tapecast.engine.strategy;

import io.tapecast.engine.analysis.AnalysisSettings;
import io.tapecast.engine.analysis.Confluence;
import io.tapecast.engine.analysis.ConfluenceScore;
import io.tapecast.engine.analysis.StructureSignal;
import io.tapecast.engine.analysis.Swing;
import io.tapecast.engine.analysis.TimeframeAnalyzer;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades breaks of structure in the direction of the higher-timeframe trend, filtered by the confluence score.
 * <p>
 * It runs the analysers ({@link TimeframeAnalyzer}) on the driving timeframe and on every higher timeframe the run
 * requests (fed the closed higher candles through {@link #onHigherTimeframeCandle}). At the close of each driving
 * candle:
 * <ul>
 *   <li><b>higher-timeframe trend</b>: the trend of the coarsest higher timeframe seen so far; in a run without
 *       higher timeframes (or before the first higher candle has closed), the driving timeframe's own trend.</li>
 *   <li><b>enter long</b> when this candle broke structure upwards ({@code bos}, or also {@code choch} with
 *       {@code entry_on_choch} = 1), the higher-timeframe trend is up and the bullish confluence score (driving
 *       timeframe + the higher timeframes' trends, see {@link Confluence}) is ≥ {@code threshold}. Short entries
 *       mirror this with {@code allow_short} = 1.</li>
 *   <li><b>exit</b> a long on any bearish break (bos or choch) of the driving timeframe, a short on any bullish one
 *       (unless the same candle is an entry the other way, which reverses).</li>
 *   <li><b>stop</b> ({@link #stopPrice}): beyond the last confirmed swing known when the entry was decided — below
 *       the last swing low for a long, above the last swing high for a short — widened by {@code stop_buffer_pct}
 *       percent of that swing's price. None if no such swing is known yet (or it lies on the wrong side of the fill,
 *       in which case the engine ignores it).</li>
 * </ul>
 */
public final class StructureConfluence implements Strategy {

    public static final String ID = "structure-confluence";

    /** The label of the driving timeframe in the confluence's trends (the strategy is not told which it is). */
    static final String DRIVING = "driving";

    private static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(ID,
            "Enters on a break of structure in the direction of the higher-timeframe trend when the confluence score"
                    + " (trend alignment, structure, pattern, momentum) reaches the threshold; exits on a break the"
                    + " other way; stop beyond the last swing.",
            List.of(new ParameterSpec("swing_lookback", "Swing lookback L: candles on each side of a swing (a swing is"
                            + " confirmed L candles later)", 3, 1, 50, true),
                    new ParameterSpec("threshold", "Minimum confluence score (0–100) in the trade's direction", 60, 0,
                            100, false),
                    new ParameterSpec("rsi_period", "RSI period of the confluence's momentum part", 14, 2, 200, true),
                    new ParameterSpec("entry_on_choch", "1 = a change of character in the higher-timeframe direction"
                            + " also triggers an entry, 0 = breaks of structure only", 1, 0, 1, true),
                    new ParameterSpec("stop_buffer_pct", "Stop distance beyond the last swing, in percent of the swing"
                            + " price", 0.1, 0, 20, false),
                    new ParameterSpec("allow_short", "1 = also trade bearish breaks, 0 = long only", 0, 0, 1, true)));

    private final AnalysisSettings settings;
    private final double threshold;
    private final boolean entryOnChoch;
    private final double stopBuffer;
    private final boolean allowShort;
    private final TimeframeAnalyzer driving;
    private final Map<Timeframe, TimeframeAnalyzer> higher = new EnumMap<>(Timeframe.class);
    private double longStop = Double.NaN;
    private double shortStop = Double.NaN;
    private ConfluenceScore lastScore;

    public StructureConfluence(int swingLookback, double threshold, int rsiPeriod, boolean entryOnChoch,
                               double stopBufferPct, boolean allowShort) {
        if (!(threshold >= 0 && threshold <= 100)) {
            throw new IllegalArgumentException(ID + ".threshold must lie in 0–100");
        }
        if (!(stopBufferPct >= 0)) {
            throw new IllegalArgumentException(ID + ".stop_buffer_pct must not be negative");
        }
        this.settings = new AnalysisSettings(swingLookback, rsiPeriod, AnalysisSettings.DEFAULT_PATTERN_WINDOW,
                AnalysisSettings.DEFAULT_MAX_OPEN_GAPS);
        this.threshold = threshold;
        this.entryOnChoch = entryOnChoch;
        this.stopBuffer = stopBufferPct / 100;
        this.allowShort = allowShort;
        this.driving = new TimeframeAnalyzer(settings);
    }

    public static StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    public static StructureConfluence fromParameters(Map<String, Double> params) {
        return new StructureConfluence(params.get("swing_lookback").intValue(), params.get("threshold"),
                params.get("rsi_period").intValue(), params.get("entry_on_choch") == 1.0,
                params.get("stop_buffer_pct"), params.get("allow_short") == 1.0);
    }

    @Override
    public void onHigherTimeframeCandle(Timeframe timeframe, Candle closed) {
        higher.computeIfAbsent(timeframe, tf -> new TimeframeAnalyzer(settings)).onCandle(closed);
    }

    @Override
    public Signal onCandle(Candle candle) {
        List<StructureSignal> events = driving.onCandle(candle).structure();
        Map<String, Trend> trends = new LinkedHashMap<>();
        trends.put(DRIVING, driving.trend());
        higher.forEach((tf, analyzer) -> trends.put(tf.label(), analyzer.trend()));
        lastScore = Confluence.score(driving, trends);
        Trend higherTrend = trends.values().stream().reduce((first, second) -> second).orElseThrow();

        boolean bullishBreak = false;
        boolean bearishBreak = false;
        boolean bullishEntry = false;
        boolean bearishEntry = false;
        for (StructureSignal event : events) {
            if (!event.isBreak()) {
                continue;
            }
            boolean trigger = event.kind() == StructureKind.BOS || entryOnChoch;
            if (event.direction() == Bias.BULLISH) {
                bullishBreak = true;
                bullishEntry |= trigger;
            } else {
                bearishBreak = true;
                bearishEntry |= trigger;
            }
        }
        if (bullishEntry && higherTrend == Trend.UP && lastScore.bullishScore() >= threshold) {
            longStop = driving.structure().lastSwingLow().map(Swing::price).map(p -> p * (1 - stopBuffer))
                    .orElse(Double.NaN);
            return Signal.ENTER_LONG;
        }
        if (allowShort && bearishEntry && higherTrend == Trend.DOWN && lastScore.bearishScore() >= threshold) {
            shortStop = driving.structure().lastSwingHigh().map(Swing::price).map(p -> p * (1 + stopBuffer))
                    .orElse(Double.NaN);
            return Signal.ENTER_SHORT;
        }
        if (bearishBreak) {
            return Signal.EXIT_LONG;
        }
        if (bullishBreak) {
            return Signal.EXIT_SHORT;
        }
        return Signal.NONE;
    }

    @Override
    public double stopPrice(boolean longPosition, double entryPrice) {
        return longPosition ? longStop : shortStop;
    }

    /** The confluence computed at the latest driving candle; null before the first. */
    ConfluenceScore lastScore() {
        return lastScore;
    }
}

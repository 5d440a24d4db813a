package io.tapecast.engine.analysis;

/**
 * Tunables of the analysers of one timeframe.
 *
 * @param swingLookback L: a swing is the extreme of the L candles on each side, confirmed L candles after it
 * @param rsiPeriod     period of the Wilder RSI used as the momentum of the confluence score
 * @param patternWindow how many candles (the current one included) a candlestick pattern counts towards the
 *                      confluence score after it completed
 * @param maxOpenGaps   how many unmitigated fair value gaps are tracked; when one more forms the oldest is
 *                      dropped (and will never be reported as mitigated)
 */
public record AnalysisSettings(int swingLookback, int rsiPeriod, int patternWindow, int maxOpenGaps) {

    public static final int DEFAULT_SWING_LOOKBACK = 3;
    public static final int DEFAULT_RSI_PERIOD = 14;
    public static final int DEFAULT_PATTERN_WINDOW = 3;
    public static final int DEFAULT_MAX_OPEN_GAPS = 50;

    public AnalysisSettings {
        if (swingLookback < 1) {
            throw new IllegalArgumentException("swingLookback must be at least 1, got " + swingLookback);
        }
        if (rsiPeriod < 1) {
            throw new IllegalArgumentException("rsiPeriod must be at least 1, got " + rsiPeriod);
        }
        if (patternWindow < 1) {
            throw new IllegalArgumentException("patternWindow must be at least 1, got " + patternWindow);
        }
        if (maxOpenGaps < 1) {
            throw new IllegalArgumentException("maxOpenGaps must be at least 1, got " + maxOpenGaps);
        }
    }

    /** L = 3, RSI(14), patterns count for 3 candles, 50 open gaps. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(DEFAULT_SWING_LOOKBACK, DEFAULT_RSI_PERIOD, DEFAULT_PATTERN_WINDOW,
                DEFAULT_MAX_OPEN_GAPS);
    }

    /** The defaults with another swing lookback. */
    public static AnalysisSettings withSwingLookback(int swingLookback) {
        return new AnalysisSettings(swingLookback, DEFAULT_RSI_PERIOD, DEFAULT_PATTERN_WINDOW, DEFAULT_MAX_OPEN_GAPS);
    }
}

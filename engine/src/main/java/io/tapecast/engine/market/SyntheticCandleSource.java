package io.tapecast.engine.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A deterministic synthetic market: the same candles for a symbol on every machine, run and request.
 * <p>
 * How it is built, and why:
 * <ul>
 *   <li>Everything is seeded by an FNV-1a hash of the symbol and drawn from {@link SplitMix64} with
 *       {@link StrictMath}, so no JVM or platform detail can change a price.</li>
 *   <li>A daily close series is walked once per symbol from 2000-01-01 to 2100-01-01 (about 36,500 steps,
 *       cached). It is a mean-reverting walk in log price (Ornstein-Uhlenbeck, ~60-day reversion) so that
 *       decades later the level is still plausible for the symbol: BTC-* around 20k–60k with 3–4% daily
 *       volatility, ETH-* around 1k–4k with 4–5%, anything else a level in 10–500 with 1–3%.</li>
 *   <li>Inside each day the 1m path is a Brownian bridge in log price from the previous daily close to
 *       this day's close, with noise seeded by (symbol, day). A day can therefore be generated on its own,
 *       so any window is cheap and does not depend on where the request starts.</li>
 *   <li>1m is the base; every other timeframe is aggregated from it (streamed, no 1m list is built), so all
 *       timeframes tell the same story: a 1h candle is exactly the aggregate of its sixty 1m candles.</li>
 * </ul>
 * There are no candles before 2000-01-01 or from 2100-01-01 on. Candles are returned even for times after
 * "now": the series is a pure function of time, and cutting it at the wall clock would make runs
 * irreproducible.
 */
public final class SyntheticCandleSource implements CandleSource {

    /** The first day with candles. */
    public static final Instant START = LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The first day without candles. */
    public static final Instant END = LocalDate.of(2100, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private static final int MINUTES_PER_DAY = 1440;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int DAYS = (int) ((END.getEpochSecond() - START.getEpochSecond()) / SECONDS_PER_DAY);
    private static final double REVERSION_PER_DAY = 1.0 / 60;
    private static final long DAILY_SALT = 0x5DEECE66DL;
    private static final long INTRADAY_SALT = 0x2545F4914F6CDD1DL;
    /** How far a minute's wick reaches beyond its body, in units of the per-minute volatility. */
    private static final double WICK_SCALE = 0.6;

    private final ConcurrentMap<String, Series> cache = new ConcurrentHashMap<>();

    @Override
    public List<Candle> candles(String symbol, Timeframe timeframe, Instant fromInclusive, Instant toExclusive) {
        Symbols.requireValid(symbol);
        long start = Math.max(timeframe.ceil(fromInclusive).getEpochSecond(), START.getEpochSecond());
        long end = Math.min(timeframe.ceil(toExclusive).getEpochSecond(), END.getEpochSecond());
        if (start >= end) {
            return List.of();
        }
        Series series = cache.computeIfAbsent(symbol, Series::new);
        List<Candle> out = new ArrayList<>((int) Math.min((end - start) / timeframe.duration().getSeconds(), 1 << 20));
        BucketAccumulator acc = new BucketAccumulator(timeframe, out::add);
        double[] logPath = new double[MINUTES_PER_DAY + 1];
        double[] minuteDraws = new double[MINUTES_PER_DAY * 3];
        int firstDay = (int) ((start - START.getEpochSecond()) / SECONDS_PER_DAY);
        int lastDay = (int) ((end - 1 - START.getEpochSecond()) / SECONDS_PER_DAY);
        for (int day = firstDay; day <= lastDay; day++) {
            long dayStart = START.getEpochSecond() + day * SECONDS_PER_DAY;
            int fromMinute = (int) Math.max(0, (start - dayStart) / 60);
            int toMinute = (int) Math.min(MINUTES_PER_DAY, (end - dayStart) / 60);
            series.emitDay(day, dayStart, fromMinute, toMinute, logPath, minuteDraws, acc);
        }
        acc.flush();
        return out;
    }

    /** The per-symbol state: its profile and its cached daily log closes. */
    private static final class Series {

        private final SyntheticProfile profile;
        /** logClose[0] is the level before the first day; logClose[d + 1] is the close of day d. */
        private final double[] logClose = new double[DAYS + 1];
        private final double minuteVolatility;
        private final double minuteVolume;

        Series(String symbol) {
            profile = SyntheticProfile.of(symbol);
            minuteVolatility = profile.dailyVolatility() / StrictMath.sqrt(MINUTES_PER_DAY);
            minuteVolume = profile.dailyVolume() / MINUTES_PER_DAY;
            double mean = StrictMath.log(profile.level());
            SplitMix64 rng = new SplitMix64(SplitMix64.mix64(profile.seed() ^ DAILY_SALT));
            logClose[0] = mean;
            for (int d = 1; d <= DAYS; d++) {
                double previous = logClose[d - 1];
                logClose[d] = previous + REVERSION_PER_DAY * (mean - previous)
                        + profile.dailyVolatility() * rng.nextGaussian();
            }
        }

        /** Feeds minutes [fromMinute, toMinute) of {@code day} to {@code acc}; the whole day's noise is always drawn. */
        void emitDay(int day, long dayStart, int fromMinute, int toMinute, double[] logPath, double[] draws,
                     BucketAccumulator acc) {
            SplitMix64 rng = new SplitMix64(SplitMix64.mix64(profile.seed() ^ SplitMix64.mix64(day + INTRADAY_SALT)));
            double walk = 0;
            logPath[0] = 0;
            for (int k = 1; k <= MINUTES_PER_DAY; k++) {
                walk += minuteVolatility * rng.nextGaussian();
                logPath[k] = walk;
            }
            for (int i = 0; i < draws.length; i++) {
                draws[i] = rng.nextDouble();
            }
            double from = logClose[day];
            double to = logClose[day + 1];
            double end = logPath[MINUTES_PER_DAY];
            // Pin the walk to the daily closes: the bridge subtracts the straight line to the walk's end point.
            for (int k = 0; k < MINUTES_PER_DAY; k++) {
                double f = (double) k / MINUTES_PER_DAY;
                logPath[k] = from + f * (to - from) + logPath[k] - f * end;
            }
            logPath[MINUTES_PER_DAY] = to;
            double open = StrictMath.exp(logPath[fromMinute]);
            for (int k = fromMinute; k < toMinute; k++) {
                double close = StrictMath.exp(logPath[k + 1]);
                double body = Math.abs(logPath[k + 1] - logPath[k]);
                double high = Math.max(open, close) * (1 + draws[3 * k] * WICK_SCALE * minuteVolatility);
                double low = Math.min(open, close) * (1 - draws[3 * k + 1] * WICK_SCALE * minuteVolatility);
                // Busier minutes move more: volume grows with the size of the move.
                double volume = minuteVolume * (0.5 + draws[3 * k + 2]) * (0.5 + 0.5 * body / minuteVolatility);
                acc.add(dayStart + 60L * k, open, high, low, close, volume);
                open = close;
            }
        }
    }
}

package io.tapecast.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Settings of the market feed, under {@code tapecast.feed}.
 *
 * @param enabled        run the feed in this process
 * @param symbols        symbols to publish; each is one stream (key and stream id = the symbol)
 * @param source         {@code synthetic} (the deterministic synthetic market) or {@code csv} (replay of
 *                       {@code <data-dir>/candles/<SYMBOL>/1m.csv})
 * @param speed          simulated seconds per real second: 60 shows a new 1m candle every second
 * @param start          simulated time of the first candle on a fresh start; a restart continues after the last
 *                       candle published
 * @param timeframes     timeframes built from the 1m candles and published as they form and when they close
 * @param formingThrottle the shortest real time between two updates of the same forming candle
 * @param warmup         history fed to the analysers (not published) before the first candle, so analysis starts
 *                       informed
 * @param dataDir        where CSV candles live ({@code tapecast.data-dir} by default)
 */
@ConfigurationProperties("tapecast.feed")
public record FeedSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"BTC-USD", "ETH-USD"}) List<String> symbols,
        @DefaultValue("synthetic") String source,
        @DefaultValue("60") double speed,
        @DefaultValue("2025-01-01T00:00:00Z") Instant start,
        @DefaultValue({"5m", "15m", "1h", "4h", "1d"}) List<String> timeframes,
        @DefaultValue("1s") Duration formingThrottle,
        @DefaultValue("3d") Duration warmup,
        Path dataDir) {

    public FeedSettings {
        symbols = List.copyOf(symbols);
        timeframes = List.copyOf(timeframes);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("tapecast.feed.symbols needs at least one symbol");
        }
        if (!"synthetic".equals(source) && !"csv".equals(source)) {
            throw new IllegalArgumentException("tapecast.feed.source must be synthetic or csv");
        }
        if (!(speed > 0) || speed > 1_000_000) {
            throw new IllegalArgumentException("tapecast.feed.speed must lie in (0, 1000000]");
        }
        if (formingThrottle == null || formingThrottle.isNegative()) {
            throw new IllegalArgumentException("tapecast.feed.forming-throttle must not be negative");
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("tapecast.feed.warmup must not be negative");
        }
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    /** Real time between two 1m candles at this speed. */
    public Duration candleInterval() {
        return Duration.ofNanos((long) (60e9 / speed));
    }
}

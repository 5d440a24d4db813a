package io.tapecast.engine.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's market: CSV files where someone supplied them, the synthetic market everywhere else.
 * <p>
 * For (symbol, timeframe) it uses, in order:
 * <ol>
 *   <li>{@code <dataDir>/candles/<Symbols.fileName(symbol)>/<timeframe.label()>.csv};</li>
 *   <li>the finest CSV of that symbol whose timeframe is finer than and divides the wanted one, aggregated
 *       (finest, because it is the most likely to be complete);</li>
 *   <li>{@link SyntheticCandleSource}.</li>
 * </ol>
 * The choice is made per request and is not mixed: a CSV that covers only part of the range yields only
 * the candles it has. Parsed files are cached by path and last-modified time, because backtests are re-run
 * over the same files. Safe for concurrent use.
 */
public final class MarketData implements CandleSource {

    private final Path candlesDir;
    private final SyntheticCandleSource synthetic = new SyntheticCandleSource();
    private final ConcurrentMap<Path, Parsed> parsed = new ConcurrentHashMap<>();

    public MarketData(Path dataDir) {
        this.candlesDir = Objects.requireNonNull(dataDir, "dataDir").resolve("candles");
    }

    @Override
    public List<Candle> candles(String symbol, Timeframe timeframe, Instant fromInclusive, Instant toExclusive) {
        Choice choice = choose(symbol, timeframe);
        if (choice.file().isEmpty()) {
            return synthetic.candles(symbol, timeframe, fromInclusive, toExclusive);
        }
        List<Candle> all = load(choice.file().get());
        if (choice.from() == timeframe) {
            return List.copyOf(CandleRanges.between(all, fromInclusive, toExclusive));
        }
        // Take every finer candle whose bucket opens in range, so edge buckets are whole where the file allows.
        List<Candle> finer = CandleRanges.between(all, timeframe.ceil(fromInclusive), timeframe.ceil(toExclusive));
        return Aggregation.aggregate(finer, timeframe);
    }

    /**
     * Where candles for (symbol, timeframe) come from: "csv:&lt;path&gt;", "csv:&lt;path&gt; aggregated from 1m",
     * or "synthetic".
     */
    public String describeSource(String symbol, Timeframe timeframe) {
        Choice choice = choose(symbol, timeframe);
        if (choice.file().isEmpty()) {
            return "synthetic";
        }
        String csv = "csv:" + choice.file().get();
        return choice.from() == timeframe ? csv : csv + " aggregated from " + choice.from().label();
    }

    private Choice choose(String symbol, Timeframe timeframe) {
        Path dir = candlesDir.resolve(Symbols.fileName(symbol));
        Path exact = dir.resolve(timeframe.label() + ".csv");
        if (Files.isRegularFile(exact)) {
            return new Choice(Optional.of(exact), timeframe);
        }
        for (Timeframe finer : Timeframe.values()) {
            if (finer.divides(timeframe)) {
                Path candidate = dir.resolve(finer.label() + ".csv");
                if (Files.isRegularFile(candidate)) {
                    return new Choice(Optional.of(candidate), finer);
                }
            }
        }
        return new Choice(Optional.empty(), timeframe);
    }

    private List<Candle> load(Path file) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
        Parsed cached = parsed.get(file);
        if (cached != null && cached.lastModified() == modified) {
            return cached.candles();
        }
        // Parsing outside any lock: two threads may both parse a changed file once, which is harmless.
        Parsed fresh = new Parsed(modified, CsvCandles.read(file));
        parsed.put(file, fresh);
        return fresh.candles();
    }

    private record Choice(Optional<Path> file, Timeframe from) {
    }

    private record Parsed(long lastModified, List<Candle> candles) {
    }
}

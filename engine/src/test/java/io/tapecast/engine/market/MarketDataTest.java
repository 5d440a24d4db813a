package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-02T00:00:00Z");

    @TempDir
    Path dataDir;

    private Path csv(String symbolDir, String timeframe, String content) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("candles").resolve(symbolDir));
        return Files.writeString(dir.resolve(timeframe + ".csv"), content);
    }

    @Test
    void prefersTheCsvOfTheExactTimeframe() throws IOException {
        Path file = csv("AAPL", "1h", """
                timestamp,open,high,low,close,volume
                2023-12-31T23:00:00Z,1,2,1,2,1
                2024-01-01T10:00:00Z,10,12,9,11,5
                2024-01-02T00:00:00Z,1,2,1,2,1
                """);
        csv("AAPL", "1m", "timestamp,open,high,low,close,volume\n2024-01-01T10:00:00Z,99,99,99,99,1\n");
        MarketData market = new MarketData(dataDir);

        assertThat(market.candles("AAPL", Timeframe.H1, FROM, TO))
                .containsExactly(new Candle(Instant.parse("2024-01-01T10:00:00Z"), 10, 12, 9, 11, 5));
        assertThat(market.describeSource("AAPL", Timeframe.H1)).isEqualTo("csv:" + file);
    }

    @Test
    void aggregatesTheFinestDividingCsvWhenTheExactOneIsMissing() throws IOException {
        Path minutes = csv("ETH-USD", "1m", """
                timestamp,open,high,low,close,volume
                2024-01-01T10:00:00Z,10,11,9,10.5,1
                2024-01-01T10:59:00Z,10.5,13,10,12,2
                2024-01-01T11:00:00Z,12,12,8,9,3
                """);
        csv("ETH-USD", "5m", "timestamp,open,high,low,close,volume\n2024-01-01T10:00:00Z,99,99,99,99,1\n");
        MarketData market = new MarketData(dataDir);

        assertThat(market.candles("ETH/USD", Timeframe.H1, FROM, TO)).containsExactly(
                new Candle(Instant.parse("2024-01-01T10:00:00Z"), 10, 13, 9, 12, 3),
                new Candle(Instant.parse("2024-01-01T11:00:00Z"), 12, 12, 8, 9, 3));
        assertThat(market.describeSource("ETH-USD", Timeframe.H1)).isEqualTo("csv:" + minutes + " aggregated from 1m");
    }

    @Test
    void aggregatedCandlesInRangeAreWholeEvenWhenTheRangeStartsMidBucket() throws IOException {
        csv("AAPL", "1m", """
                timestamp,open,high,low,close,volume
                2024-01-01T10:00:00Z,10,11,9,10.5,1
                2024-01-01T10:30:00Z,10.5,13,10,12,2
                2024-01-01T11:10:00Z,12,12,8,9,3
                """);
        MarketData market = new MarketData(dataDir);

        // 10:00 opens before the range, so it is out; 11:00 opens inside, so it is in, whole.
        assertThat(market.candles("AAPL", Timeframe.H1, Instant.parse("2024-01-01T10:20:00Z"), TO))
                .containsExactly(new Candle(Instant.parse("2024-01-01T11:00:00Z"), 12, 12, 8, 9, 3));
    }

    @Test
    void fallsBackToTheSyntheticMarket() throws IOException {
        csv("AAPL", "1h", "timestamp,open,high,low,close,volume\n2024-01-01T10:00:00Z,10,12,9,11,5\n");
        MarketData market = new MarketData(dataDir);

        // A coarser file cannot make finer candles, so 1m for AAPL is synthetic too.
        assertThat(market.describeSource("AAPL", Timeframe.M1)).isEqualTo("synthetic");
        assertThat(market.describeSource("BTC-USD", Timeframe.D1)).isEqualTo("synthetic");
        assertThat(market.candles("BTC-USD", Timeframe.H1, FROM, TO))
                .isEqualTo(new SyntheticCandleSource().candles("BTC-USD", Timeframe.H1, FROM, TO));
    }

    @Test
    void rereadsAFileThatChanged() throws IOException {
        Path file = csv("AAPL", "1d", "date,open,high,low,close,volume\n2024-01-01,10,12,9,11,5\n");
        MarketData market = new MarketData(dataDir);
        assertThat(market.candles("AAPL", Timeframe.D1, FROM, TO)).extracting(Candle::close).containsExactly(11.0);

        Files.writeString(file, "date,open,high,low,close,volume\n2024-01-01,10,12,9,10,5\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        assertThat(market.candles("AAPL", Timeframe.D1, FROM, TO)).extracting(Candle::close).containsExactly(10.0);
    }

    @Test
    void rejectsSymbolsThatAreNotValid() {
        MarketData market = new MarketData(dataDir);
        assertThatThrownBy(() -> market.candles("../etc", Timeframe.D1, FROM, TO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnsNothingOutsideTheFile() throws IOException {
        csv("AAPL", "1d", "date,open,high,low,close,volume\n2024-01-01,10,12,9,11,5\n");
        List<Candle> none = new MarketData(dataDir).candles("AAPL", Timeframe.D1,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(none).isEmpty();
    }
}

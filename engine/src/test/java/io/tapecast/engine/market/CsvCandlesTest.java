package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCandlesTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("candles.csv"), content);
    }

    @Test
    void readsIsoDatesAsUtcMidnight() throws IOException {
        List<Candle> candles = CsvCandles.read(write("date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,100\n"));
        assertThat(candles).containsExactly(new Candle(Instant.parse("2024-01-02T00:00:00Z"), 1, 2, 0.5, 1.5, 100));
    }

    @Test
    void readsIsoDateTimesWithAndWithoutOffset() throws IOException {
        List<Candle> candles = CsvCandles.read(write("""
                timestamp,open,high,low,close,volume
                2024-01-02T10:00:00,1,2,0.5,1.5,1
                2024-01-02T12:00:00Z,1,2,0.5,1.5,1
                2024-01-02T15:00:00+02:00,1,2,0.5,1.5,1
                2024-01-02 14:00:00,1,2,0.5,1.5,1
                """));
        assertThat(candles).extracting(Candle::time).containsExactly(
                Instant.parse("2024-01-02T10:00:00Z"),
                Instant.parse("2024-01-02T12:00:00Z"),
                Instant.parse("2024-01-02T13:00:00Z"),
                Instant.parse("2024-01-02T14:00:00Z"));
    }

    @Test
    void readsEpochSecondsAndEpochMillis() throws IOException {
        List<Candle> candles = CsvCandles.read(write("""
                time,open,high,low,close,volume
                1704189600,1,2,0.5,1.5,1
                1704196800000,1,2,0.5,1.5,1
                """));
        assertThat(candles).extracting(Candle::time).containsExactly(
                Instant.parse("2024-01-02T10:00:00Z"), Instant.parse("2024-01-02T12:00:00Z"));
    }

    @Test
    void readsAPandasExportWithAnUnnamedIndexAndCapitalisedHeaders() throws IOException {
        List<Candle> candles = CsvCandles.read(write("""
                ,Open,High,Low,Close,Volume
                2004-08-19,100,104.06,95.96,100.34,22351900
                2004-08-20,101.01,109.08,100.5,108.31,11428600
                """));
        assertThat(candles).containsExactly(
                new Candle(Instant.parse("2004-08-19T00:00:00Z"), 100, 104.06, 95.96, 100.34, 22351900),
                new Candle(Instant.parse("2004-08-20T00:00:00Z"), 101.01, 109.08, 100.5, 108.31, 11428600));
    }

    @Test
    void findsColumnsByNameInAnyOrderAndSortsByTime() throws IOException {
        List<Candle> candles = CsvCandles.read(write("""
                Volume,Close,Low,High,Open,Timestamp,Note
                5,1.5,0.5,2,1,2024-01-03,x
                6,1.5,0.5,2,1,2024-01-02,y
                """));
        assertThat(candles).extracting(Candle::time).containsExactly(
                Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(candles.get(0).volume()).isEqualTo(6);
    }

    @Test
    void aBadLineIsReportedWithFileAndLineNumber() throws IOException {
        Path file = write("date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,1\n\n2024-01-04,1,abc,0.5,1.5,1\n");
        assertThatThrownBy(() -> CsvCandles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("high");
    }

    @Test
    void anInconsistentBarIsABadLine() throws IOException {
        Path file = write("date,open,high,low,close,volume\n2024-01-02,1,0.9,0.5,1.5,1\n");
        assertThatThrownBy(() -> CsvCandles.read(file)).hasMessageContaining("line 2");
    }

    @Test
    void aHeaderWithoutRequiredColumnsIsRejected() throws IOException {
        Path file = write("date,open,high,low,volume\n");
        assertThatThrownBy(() -> CsvCandles.read(file)).hasMessageContaining("'close'");
    }

    @Test
    void duplicateTimesAreRejected() throws IOException {
        Path file = write("date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,1\n2024-01-02,1,2,0.5,1.5,1\n");
        assertThatThrownBy(() -> CsvCandles.read(file)).hasMessageContaining("duplicate");
    }
}

package io.tapecast.engine.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads OHLCV candles from a CSV file with a header row.
 * <p>
 * Columns are found by header name, case-insensitively: {@code open}, {@code high}, {@code low},
 * {@code close}, {@code volume}, and a time column named {@code timestamp}, {@code time}, {@code date} or
 * {@code datetime}. An unnamed first column is taken as the time too, because that is what a pandas
 * {@code DataFrame.to_csv()} writes for a date index ({@code ,Open,High,Low,Close,Volume}). Extra columns are
 * ignored.
 * <p>
 * Times may be an ISO date ({@code 2024-01-02}, read as UTC midnight), an ISO date-time with or without an
 * offset (no offset means UTC; a space instead of {@code T} is accepted), or epoch seconds / epoch
 * milliseconds — integers above 10<sup>11</sup> are milliseconds, since 10<sup>11</sup> seconds is the year 5138.
 */
public final class CsvCandles {

    private static final Set<String> TIME_COLUMNS = Set.of("timestamp", "time", "date", "datetime");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private CsvCandles() {
    }

    /**
     * All candles of {@code file}, ascending by time. Blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the file and line number for a malformed line, a duplicate
     *                                  time, or a header without the required columns
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<Candle> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new CandleDataException(file + ": empty file, expected a header row");
            }
            Columns columns = Columns.of(file, header);
            List<Candle> candles = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    candles.add(columns.parse(split(line)));
                } catch (RuntimeException e) {
                    throw new CandleDataException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
            candles.sort(Comparator.comparing(Candle::time));
            for (int i = 1; i < candles.size(); i++) {
                if (candles.get(i).time().equals(candles.get(i - 1).time())) {
                    throw new CandleDataException(file + ": duplicate time " + candles.get(i).time());
                }
            }
            return List.copyOf(candles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses one time cell in any of the accepted forms. */
    public static Instant parseTime(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        if (s.chars().allMatch(Character::isDigit)) {
            long n;
            try {
                n = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("epoch time out of range: " + s, e);
            }
            return n > MILLIS_THRESHOLD ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (hasOffset(iso)) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable time '" + s + "'", e);
        }
    }

    private static boolean hasOffset(String iso) {
        if (iso.endsWith("Z") || iso.endsWith("z")) {
            return true;
        }
        int t = iso.indexOf('T');
        return t >= 0 && (iso.indexOf('+', t) >= 0 || iso.indexOf('-', t) >= 0);
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            // Spreadsheet exports sometimes quote every cell; the values themselves never contain commas.
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).trim();
            }
            cells[i] = cell;
        }
        return cells;
    }

    /** Positions of the needed columns, resolved once from the header. */
    private record Columns(int time, int open, int high, int low, int close, int volume, int width) {

        static Columns of(Path file, String headerLine) {
            String[] names = split(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
            int time = -1;
            for (int i = 0; i < names.length; i++) {
                if (TIME_COLUMNS.contains(names[i].toLowerCase(Locale.ROOT))) {
                    time = i;
                    break;
                }
            }
            if (time < 0 && names.length > 0 && names[0].isEmpty()) {
                time = 0;
            }
            if (time < 0) {
                throw new IllegalArgumentException(file + ": header has no time column (timestamp, time, date,"
                        + " datetime or an unnamed first column): " + headerLine);
            }
            int open = required(file, names, "open");
            int high = required(file, names, "high");
            int low = required(file, names, "low");
            int close = required(file, names, "close");
            int volume = required(file, names, "volume");
            int width = Math.max(time, Math.max(Math.max(open, high), Math.max(Math.max(low, close), volume))) + 1;
            return new Columns(time, open, high, low, close, volume, width);
        }

        private static int required(Path file, String[] names, String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(file + ": header has no '" + name + "' column");
        }

        Candle parse(String[] cells) {
            if (cells.length < width) {
                throw new IllegalArgumentException("expected at least " + width + " columns, found " + cells.length);
            }
            return new Candle(parseTime(cells[time]), number("open", cells[open]), number("high", cells[high]),
                    number("low", cells[low]), number("close", cells[close]), number("volume", cells[volume]));
        }

        private static double number(String name, String cell) {
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: '" + cell + "'", e);
            }
        }
    }
}

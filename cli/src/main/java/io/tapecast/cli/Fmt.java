package io.tapecast.cli;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number, time and table formatting shared by the renderers (locale-independent: always 1,234.56). */
final class Fmt {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** 1234.5 → "1,234.50". */
    static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    /** 152.7 → "+152.70", -3 → "-3.00". */
    static String signedMoney(double value) {
        return (value > 0 ? "+" : "") + money(value);
    }

    /** 2.5 → "+2.50%". */
    static String signedPct(double value) {
        return (value > 0 ? "+" : "") + String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A quantity with up to 8 decimals, trailing zeros removed. */
    static String quantity(double value) {
        String text = new java.math.BigDecimal(value).setScale(8, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return text.equals("0.00000000") ? "0" : text;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "2023-02-22T01:00:00Z" → "2023-02-22 01:00"; anything unparsable is returned as is. */
    static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return MINUTES.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String time(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : time(node.asString(""));
    }

    /** A JSON value for a generic line: strings plain, numbers as short as they come, objects compact. */
    static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "-";
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber() && node.isFloatingPointNumber()) {
            double d = node.asDouble();
            return Math.abs(d) >= 1000 ? number(d, 2) : stripZeros(String.format(Locale.ROOT, "%.6f", d));
        }
        return node.toString();
    }

    private static String stripZeros(String text) {
        if (!text.contains(".")) {
            return text;
        }
        String stripped = text.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** "key=value key=value" of every field of an object (a generic line for types this client does not know). */
    static String fields(JsonNode object) {
        if (object == null || !object.isObject()) {
            return value(object);
        }
        List<String> parts = new ArrayList<>();
        object.properties().forEach(e -> parts.add(e.getKey() + "=" + value(e.getValue())));
        return String.join(" ", parts);
    }

    /** A text table: the first row is the header; columns after the first are right-aligned when numeric. */
    static List<String> table(List<List<String>> rows, Style style) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        java.util.Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String plain = Style.strip(row.get(c));
                widths[c] = Math.max(widths[c], plain.length());
                if (r > 0 && !plain.isEmpty() && !plain.equals("-") && !plain.matches("[-+]?[0-9.,]+%?( days| h)?")) {
                    numeric[c] = false;
                }
            }
        }
        numeric[0] = false;
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                int pad = widths[c] - Style.strip(cell).length();
                if (c > 0) {
                    line.append("  ");
                }
                String shown = r == 0 ? style.bold(cell) : cell;
                if (numeric[c]) {
                    line.append(" ".repeat(pad)).append(shown);
                } else {
                    line.append(shown);
                    if (c < columns - 1) {
                        line.append(" ".repeat(pad));
                    }
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

package io.tapecast.cli;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Human output of the market-data stream ({@code candle}, {@code pattern}, {@code structure}, {@code confluence})
 * and the live-trading stream ({@code order}, {@code position}, {@code pnl}, {@code risk}); any other type gets
 * the generic {@code key=value} line. Forming candles ({@code closed=false}) update the status line on a terminal
 * and are skipped elsewhere unless {@code --forming}.
 */
final class MarketRenderer implements Renderer {

    private final Console console;
    private final Style style;
    private final boolean formingCandles;

    MarketRenderer(Console console, boolean formingCandles) {
        this.console = console;
        this.style = console.style();
        this.formingCandles = formingCandles;
    }

    @Override
    public void render(StreamClient.Frame frame) {
        if (frame.message() == null) {
            console.line(GenericLines.line(frame, style));
            return;
        }
        JsonNode d = frame.data();
        switch (frame.type()) {
            case "connected" -> console.line(style.dim("● connected · " + frame.message().path("stream").asString("")
                    + " " + frame.message().path("stream_id").asString("")
                    + (d.hasNonNull("gateway") ? " · " + d.path("gateway").asString() : "")));
            case "pong" -> {
            }
            case "gap" -> console.line(style.yellow("⚠ gap: events from " + d.path("requested_from_seq").asLong()
                    + " to " + (d.path("available_from_seq").asLong() - 1) + " are no longer retained"));
            case "error" -> console.line(style.red("error " + d.path("code").asString("") + ": "
                    + d.path("message").asString("")));
            case "candle" -> {
                String line = candleLine(d, style);
                if (d.path("closed").asBoolean(true)) {
                    console.line(line);
                } else if (console.terminal()) {
                    console.status(style.dim("forming ") + line);
                } else if (formingCandles) {
                    console.line(style.dim("forming ") + line);
                }
            }
            case "pattern" -> console.line(patternLine(d, style));
            case "structure" -> console.line(structureLine(d, style));
            case "confluence" -> console.line(confluenceLine(d, style));
            case "order" -> console.line(orderLine(d, style));
            case "position" -> console.line(positionLine(d, style));
            case "pnl" -> console.line(pnlLine(d, style));
            case "risk" -> console.line(style.yellow("RISK      ") + Fmt.fields(d));
            default -> console.line(GenericLines.line(frame, style));
        }
    }

    @Override
    public void finish(StreamClient.Result result) {
        console.clearStatus();
    }

    private static String head(String label, JsonNode d) {
        return String.format(Locale.ROOT, "%-10s %-8s %-3s %s", label, d.path("symbol").asString(""),
                d.path("timeframe").asString(""), Fmt.time(d.has("open_time") ? d.path("open_time") : d.path("time")));
    }

    static String candleLine(JsonNode d, Style style) {
        double open = d.path("open").asDouble();
        double close = d.path("close").asDouble();
        String change = open == 0 ? "" : "  " + style.signed(close - open, Fmt.signedPct((close / open - 1) * 100));
        return head("CANDLE", d) + "  O " + Fmt.money(open) + "  H " + Fmt.money(d.path("high").asDouble())
                + "  L " + Fmt.money(d.path("low").asDouble()) + "  C " + Fmt.money(close)
                + "  V " + Fmt.number(d.path("volume").asDouble(), 2) + change;
    }

    private static String directional(String direction, String text, Style style) {
        return switch (direction) {
            case "bullish" -> style.green(text);
            case "bearish" -> style.red(text);
            default -> text;
        };
    }

    static String patternLine(JsonNode d, Style style) {
        String direction = d.path("direction").asString("");
        return head("PATTERN", d) + "  " + directional(direction, d.path("pattern").asString("") + " (" + direction + ")", style)
                + "  strength " + d.path("strength").asInt() + "  candles " + d.path("candles").asInt();
    }

    static String structureLine(JsonNode d, Style style) {
        String direction = d.path("direction").asString("");
        StringBuilder line = new StringBuilder(head("STRUCTURE", d)).append("  ")
                .append(directional(direction, d.path("kind").asString("").toUpperCase(Locale.ROOT) + " " + direction, style));
        if (d.hasNonNull("price")) {
            line.append(" @ ").append(Fmt.money(d.path("price").asDouble()));
        }
        if (d.hasNonNull("gap_low") && d.hasNonNull("gap_high")) {
            line.append("  gap ").append(Fmt.money(d.path("gap_low").asDouble())).append("–")
                    .append(Fmt.money(d.path("gap_high").asDouble()));
        }
        if (d.hasNonNull("trend")) {
            line.append("  trend ").append(d.path("trend").asString());
        }
        return line.toString();
    }

    static String confluenceLine(JsonNode d, Style style) {
        String bias = d.path("bias").asString("");
        double score = d.path("score").asDouble();
        int filled = (int) Math.round(Math.max(0, Math.min(100, score)) / 10);
        StringBuilder line = new StringBuilder(head("CONFLUENCE", d)).append("  ")
                .append(directional(bias, "█".repeat(filled), style)).append(style.dim("░".repeat(10 - filled)))
                .append(String.format(Locale.ROOT, " %5.1f ", score)).append(directional(bias, bias, style));
        List<String> parts = new ArrayList<>();
        for (JsonNode c : d.path("components")) {
            parts.add(c.path("factor").asString("?") + " " + Fmt.number(c.path("points").asDouble(), 1));
        }
        if (!parts.isEmpty()) {
            line.append("  ").append(style.dim(String.join(" · ", parts)));
        }
        return line.toString();
    }

    private static String text(JsonNode d, String... names) {
        for (String name : names) {
            if (d.hasNonNull(name)) {
                return Fmt.value(d.path(name));
            }
        }
        return "";
    }

    static String orderLine(JsonNode d, Style style) {
        String side = text(d, "side").toUpperCase(Locale.ROOT);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %-8s ", "ORDER", text(d, "symbol")))
                .append("BUY".equals(side) ? style.green(side) : "SELL".equals(side) ? style.red(side) : side);
        String qty = text(d, "quantity", "qty");
        if (!qty.isEmpty()) {
            line.append(' ').append(qty);
        }
        String price = text(d, "price", "fill_price", "limit_price");
        if (!price.isEmpty()) {
            line.append(" @ ").append(price);
        }
        String status = text(d, "status", "state");
        if (!status.isEmpty()) {
            line.append("  ").append(status);
        }
        if (d.hasNonNull("realized_pnl")) {
            double v = d.path("realized_pnl").asDouble();
            line.append("  P&L ").append(style.signed(v, Fmt.signedMoney(v)));
        }
        String strategy = text(d, "strategy_id");
        if (!strategy.isEmpty()) {
            line.append("  ").append(style.dim(strategy));
        }
        String id = text(d, "order_id", "id");
        if (!id.isEmpty()) {
            line.append("  ").append(style.dim(id));
        }
        return line.toString();
    }

    static String positionLine(JsonNode d, Style style) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %-8s ", "POSITION", text(d, "symbol")));
        String qty = text(d, "quantity", "qty", "size");
        line.append(qty.isEmpty() ? "-" : qty);
        String avg = text(d, "average_entry_price", "avg_price", "average_price", "entry_price");
        if (!avg.isEmpty()) {
            line.append(" @ ").append(avg);
        }
        for (String name : new String[]{"unrealized_pnl", "realized_pnl"}) {
            if (d.hasNonNull(name)) {
                double v = d.path(name).asDouble();
                line.append("  ").append(name.replace("_pnl", "")).append(' ').append(style.signed(v, Fmt.signedMoney(v)));
            }
        }
        return line.toString();
    }

    static String pnlLine(JsonNode d, Style style) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s ", "P&L"));
        List<String> parts = new ArrayList<>();
        d.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber() && (e.getKey().contains("pnl") || e.getKey().contains("equity") || e.getKey().contains("profit"))) {
                double value = v.asDouble();
                parts.add(e.getKey() + " " + (e.getKey().contains("equity") ? Fmt.money(value)
                        : style.signed(value, Fmt.signedMoney(value))));
            } else {
                parts.add(e.getKey() + "=" + Fmt.value(v));
            }
        });
        return line.append(String.join("  ", parts)).toString();
    }
}

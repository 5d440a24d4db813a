package io.tapecast.cli;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Human output of a backtest stream: a progress bar (redrawn in place on a terminal, a line every 10 % elsewhere),
 * one line per trade entry and exit with the P&L coloured, equity and drawdown in the progress line (every point
 * with {@code --equity}), control and gap notices, and a summary table of the final metrics after {@code complete}.
 */
final class BacktestRenderer implements Renderer {

    /** Metrics rows of the summary table: field, label, kind. */
    static final List<String[]> METRICS = List.of(
            new String[]{"initial_capital", "Initial capital", "money"},
            new String[]{"final_equity", "Final equity", "money"},
            new String[]{"net_profit", "Net profit", "signed_money"},
            new String[]{"total_return_pct", "Total return", "signed_pct"},
            new String[]{"cagr_pct", "CAGR", "signed_pct"},
            new String[]{"buy_and_hold_return_pct", "Buy & hold return", "signed_pct"},
            new String[]{"max_drawdown_pct", "Max drawdown", "pct"},
            new String[]{"max_drawdown_duration_days", "Max drawdown duration", "days"},
            new String[]{"sharpe_ratio", "Sharpe ratio", "ratio"},
            new String[]{"sortino_ratio", "Sortino ratio", "ratio"},
            new String[]{"calmar_ratio", "Calmar ratio", "ratio"},
            new String[]{"trade_count", "Trades", "count"},
            new String[]{"winning_trades", "Winning trades", "count"},
            new String[]{"losing_trades", "Losing trades", "count"},
            new String[]{"win_rate_pct", "Win rate", "pct"},
            new String[]{"profit_factor", "Profit factor", "ratio"},
            new String[]{"expectancy", "Expectancy", "signed_money"},
            new String[]{"sqn", "SQN", "ratio"},
            new String[]{"avg_trade_pct", "Average trade", "signed_pct"},
            new String[]{"best_trade_pct", "Best trade", "signed_pct"},
            new String[]{"worst_trade_pct", "Worst trade", "signed_pct"},
            new String[]{"avg_trade_duration_hours", "Average trade duration", "hours"},
            new String[]{"exposure_pct", "Exposure", "pct"},
            new String[]{"total_fees", "Total fees", "money"});

    private static final int BAR_WIDTH = 24;

    private final Console console;
    private final Style style;
    private final boolean everyEquityPoint;

    private JsonNode lastProgress;
    private JsonNode lastEquity;
    private int lastDecile = -1;
    private JsonNode complete;
    private JsonNode error;
    private long events;

    BacktestRenderer(Console console, boolean everyEquityPoint) {
        this.console = console;
        this.style = console.style();
        this.everyEquityPoint = everyEquityPoint;
    }

    @Override
    public void render(StreamClient.Frame frame) {
        JsonNode data = frame.data();
        if (frame.message() == null) {
            console.line(style.dim("(not JSON) ") + frame.text());
            return;
        }
        if (frame.hasSeq()) {
            events++;
        }
        switch (frame.type()) {
            case "connected" -> console.line(style.dim(connectedLine(frame.message())));
            case "progress" -> {
                lastProgress = data;
                showProgress();
            }
            case "equity" -> {
                lastEquity = data;
                if (everyEquityPoint) {
                    console.line(equityLine(data));
                }
                showProgress();
            }
            case "trade" -> console.line(tradeLine(data, style));
            case "metrics", "pong" -> {
                // interim metrics are folded into the final table; pong answers our ping
            }
            case "control" -> console.line(style.yellow(controlLine(data)));
            case "gap" -> console.line(style.yellow("⚠ events " + data.path("requested_from_seq").asLong() + "–"
                    + (data.path("available_from_seq").asLong() - 1) + " are no longer retained; continuing from seq "
                    + data.path("available_from_seq").asLong()));
            case "complete" -> complete = data;
            case "error" -> {
                if (frame.hasSeq()) {
                    error = data;
                } else {
                    console.line(style.yellow("gateway error " + data.path("code").asString("") + ": "
                            + data.path("message").asString("")));
                }
            }
            default -> console.line(GenericLines.line(frame, style));
        }
    }

    @Override
    public void finish(StreamClient.Result result) {
        console.clearStatus();
        if (complete != null) {
            if (console.terminal() || lastDecile < 10) {
                console.line(progressLine(100));
            }
            summary(complete).forEach(console::line);
        }
        if (error != null) {
            console.line(style.red("✖ run failed: " + error.path("code").asString("ERROR") + ": "
                    + error.path("message").asString("")));
        }
    }

    static String connectedLine(JsonNode message) {
        JsonNode data = message.path("data");
        StringBuilder text = new StringBuilder("● ").append(message.path("stream_id").asString(""));
        if (data.hasNonNull("status")) {
            text.append(" · ").append(data.path("status").asString());
        }
        long from = data.path("from_seq").asLong();
        long last = data.path("last_seq").asLong();
        text.append(" · ").append(from > 0 ? "resuming after seq " + from : "from the start")
                .append(" · ").append(last).append(" events so far");
        if (data.hasNonNull("gateway")) {
            text.append(" · ").append(data.path("gateway").asString());
        }
        return text.toString();
    }

    private void showProgress() {
        if (lastProgress == null && lastEquity == null) {
            return;
        }
        double percent = lastProgress == null ? 0 : lastProgress.path("percent").asDouble();
        if (console.terminal()) {
            console.status(progressLine(percent));
            return;
        }
        int decile = (int) Math.floor(percent / 10);
        if (decile > lastDecile) {
            lastDecile = decile;
            console.line(progressLine(percent));
        }
    }

    String progressLine(double percent) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100 * BAR_WIDTH);
        StringBuilder line = new StringBuilder("[")
                .append(style.cyan("█".repeat(filled))).append(style.dim("░".repeat(BAR_WIDTH - filled))).append("] ")
                .append(String.format(java.util.Locale.ROOT, "%5.1f%%", percent));
        JsonNode p = lastProgress;
        if (p != null) {
            line.append("  ").append(Fmt.time(p.path("simulated_time")));
        }
        double equity = complete != null ? complete.path("final_equity").asDouble()
                : lastEquity != null ? lastEquity.path("equity").asDouble()
                : p != null ? p.path("equity").asDouble() : Double.NaN;
        if (!Double.isNaN(equity)) {
            line.append("  equity ").append(Fmt.money(equity));
        }
        if (p != null) {
            double pnl = p.path("pnl").asDouble();
            line.append("  P&L ").append(style.signed(pnl, Fmt.signedMoney(pnl)))
                    .append("  trades ").append(p.path("trade_count").asLong())
                    .append("  win ").append(Fmt.pct(p.path("win_rate").asDouble()));
        }
        if (lastEquity != null) {
            line.append("  dd ").append(Fmt.pct(lastEquity.path("drawdown").asDouble()));
        }
        return line.toString();
    }

    static String equityLine(JsonNode data) {
        return "  equity " + Fmt.time(data.path("time")) + "  " + Fmt.money(data.path("equity").asDouble())
                + "  drawdown " + Fmt.pct(data.path("drawdown").asDouble());
    }

    static String tradeLine(JsonNode t, Style style) {
        boolean entry = "entry".equals(t.path("action").asString());
        StringBuilder line = new StringBuilder(entry ? style.cyan("▲ ENTRY") : style.bold("▼ EXIT "))
                .append("  ").append(Fmt.time(t.path("time")))
                .append("  ").append(String.format("%-6s", t.path("trade_id").asString("")))
                .append(" ").append(String.format("%-4s", t.path("side").asString("").toUpperCase(java.util.Locale.ROOT)))
                .append(" ").append(Fmt.quantity(t.path("quantity").asDouble()))
                .append(" @ ").append(Fmt.money(t.path("price").asDouble()))
                .append("  fee ").append(Fmt.money(t.path("fee").asDouble()));
        if (!entry && t.has("pnl")) {
            double pnl = t.path("pnl").asDouble();
            line.append("  P&L ").append(style.signed(pnl, Fmt.signedMoney(pnl) + " ("
                    + Fmt.signedPct(t.path("pnl_percent").asDouble()) + ")"));
        }
        List<String> why = new ArrayList<>();
        if (t.hasNonNull("strategy_id")) {
            why.add(t.path("strategy_id").asString());
        }
        if (t.hasNonNull("reason")) {
            why.add(t.path("reason").asString());
        }
        if (!why.isEmpty()) {
            line.append("  ").append(style.dim(String.join(" · ", why)));
        }
        return line.toString();
    }

    static String controlLine(JsonNode data) {
        String action = data.path("action").asString("");
        String symbol = switch (action) {
            case "paused" -> "⏸";
            case "resumed" -> "▶";
            case "cancelled" -> "■";
            default -> "•";
        };
        return symbol + " " + action + " at candle " + Fmt.count(data.path("candles_processed").asLong())
                + " (" + Fmt.time(data.path("simulated_time")) + ")";
    }

    /** The closing block: outcome line, then the metrics table (total, and one column per strategy if several). */
    List<String> summary(JsonNode c) {
        List<String> lines = new ArrayList<>();
        String status = c.path("status").asString("completed");
        long hours = c.path("duration_ms").asLong() / 3_600_000L;
        String span = hours >= 48 ? Fmt.count(hours / 24) + " days" : Fmt.count(hours) + " h";
        String head = ("cancelled".equals(status) ? "■ cancelled" : "✔ completed") + " · "
                + Fmt.count(c.path("candles").asLong()) + " candles · " + span + " simulated · "
                + Fmt.count(c.path("total_trades").asLong()) + " trades · final equity "
                + Fmt.money(c.path("final_equity").asDouble())
                + (c.path("attempts").asInt(1) > 1 ? " · attempts " + c.path("attempts").asInt() : "");
        lines.add("");
        lines.add("cancelled".equals(status) ? style.yellow(head) : style.green(head));
        lines.add("");

        JsonNode total = c.path("metrics");
        List<Map.Entry<String, JsonNode>> strategies = new ArrayList<>();
        c.path("strategies").properties().forEach(strategies::add);
        boolean perStrategy = strategies.size() > 1;

        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric", perStrategy ? "total" : "value"));
        if (perStrategy) {
            strategies.forEach(e -> header.add(e.getKey()));
        }
        rows.add(header);
        List<String> known = new ArrayList<>();
        for (String[] metric : METRICS) {
            known.add(metric[0]);
            if (!total.has(metric[0]) && strategies.stream().noneMatch(e -> e.getValue().has(metric[0]))) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(metric[1], cell(total.path(metric[0]), metric[2])));
            if (perStrategy) {
                strategies.forEach(e -> row.add(cell(e.getValue().path(metric[0]), metric[2])));
            }
            rows.add(row);
        }
        // figures this client does not know yet (additive contract changes) still show
        for (Iterator<String> names = total.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                List<String> row = new ArrayList<>(List.of(name, Fmt.value(total.path(name))));
                if (perStrategy) {
                    strategies.forEach(e -> row.add(Fmt.value(e.getValue().path(name))));
                }
                rows.add(row);
            }
        }
        lines.addAll(Fmt.table(rows, style));
        return lines;
    }

    private String cell(JsonNode value, String kind) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        double v = value.asDouble();
        return switch (kind) {
            case "money" -> Fmt.money(v);
            case "signed_money" -> style.signed(v, Fmt.signedMoney(v));
            case "signed_pct" -> style.signed(v, Fmt.signedPct(v));
            case "pct" -> Fmt.pct(v);
            case "days" -> Fmt.number(v, 1) + " days";
            case "hours" -> Fmt.number(v, 1) + " h";
            case "count" -> Fmt.count(value.asLong());
            default -> Fmt.number(v, 2);
        };
    }

    long events() {
        return events;
    }
}

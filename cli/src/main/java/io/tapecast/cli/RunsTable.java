package io.tapecast.cli;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The {@code runs} table from a {@code GET /api/backtesting} page. */
final class RunsTable {

    private RunsTable() {
    }

    static List<String> lines(JsonNode page, Style style) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "status", "symbol", "strategies", "return", "sharpe", "max dd", "trades", "created"));
        for (JsonNode run : page.path("items")) {
            JsonNode request = run.path("request");
            JsonNode metrics = run.path("final_metrics");
            List<String> strategies = new ArrayList<>();
            request.path("strategy_ids").forEach(s -> strategies.add(s.asString()));
            String status = run.path("status").asString("");
            String shownStatus = switch (status) {
                case "completed" -> style.green(status);
                case "failed" -> style.red(status);
                case "running", "queued", "paused" -> style.cyan(status);
                default -> status;
            };
            double ret = metrics.path("total_return_pct").asDouble();
            rows.add(List.of(
                    run.path("backtest_id").asString(""),
                    shownStatus,
                    request.path("symbol").asString("") + " " + String.join(",", textList(request.path("timeframes"))),
                    String.join(",", strategies),
                    metrics.has("total_return_pct") ? style.signed(ret, Fmt.signedPct(ret)) : "-",
                    metrics.has("sharpe_ratio") ? Fmt.number(metrics.path("sharpe_ratio").asDouble(), 2) : "-",
                    metrics.has("max_drawdown_pct") ? Fmt.pct(metrics.path("max_drawdown_pct").asDouble()) : "-",
                    metrics.has("trade_count") ? Fmt.count(metrics.path("trade_count").asLong()) : "-",
                    Fmt.time(run.path("created_at"))));
        }
        List<String> lines = new ArrayList<>(Fmt.table(rows, style));
        long total = page.path("total").asLong(rows.size() - 1L);
        int pageNo = page.path("page").asInt();
        int size = page.path("size").asInt(rows.size() - 1);
        lines.add(style.dim((rows.size() - 1) + " of " + total + " run(s)"
                + (total > (long) (pageNo + 1) * size ? " · more with --page " + (pageNo + 1) : "")));
        return lines;
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

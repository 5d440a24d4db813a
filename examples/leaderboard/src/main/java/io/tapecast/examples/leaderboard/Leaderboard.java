package io.tapecast.examples.leaderboard;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strategies ranked across completed runs. A "strategy" is a strategy id with its parameters as the run was
 * started with them ({@code sma-crossover fast=10 slow=30}); a run of several strategies counts as their
 * combination ({@code a + b}), because {@code final_metrics} are the whole portfolio's. Ranked by mean total return,
 * then mean Sharpe ratio.
 */
final class Leaderboard {

    /** One row: the figures of every completed run of one strategy. */
    record Row(String strategy, int runs, double meanReturnPct, double bestReturnPct, Double meanSharpe,
               double meanMaxDrawdownPct, double worstMaxDrawdownPct, long trades, String bestRun) {
    }

    private final List<Row> rows;
    private final int completedRuns;
    private final int allRuns;

    private Leaderboard(List<Row> rows, int completedRuns, int allRuns) {
        this.rows = rows;
        this.completedRuns = completedRuns;
        this.allRuns = allRuns;
    }

    List<Row> rows() {
        return rows;
    }

    static Leaderboard of(Collection<JsonNode> statuses, String symbolFilter) {
        Map<String, List<JsonNode>> byStrategy = new TreeMap<>();
        int completed = 0;
        for (JsonNode status : statuses) {
            if (!"completed".equals(status.path("state").asString()) || !status.has("final_metrics")) {
                continue;
            }
            JsonNode request = status.path("request");
            if (symbolFilter != null && !symbolFilter.equalsIgnoreCase(request.path("symbol").asString())) {
                continue;
            }
            completed++;
            byStrategy.computeIfAbsent(strategyKey(request), k -> new ArrayList<>()).add(status);
        }
        List<Row> rows = new ArrayList<>();
        byStrategy.forEach((strategy, runs) -> {
            double sumReturn = 0;
            double best = Double.NEGATIVE_INFINITY;
            String bestRun = "";
            double sumSharpe = 0;
            int sharpeCount = 0;
            double sumDrawdown = 0;
            double worstDrawdown = 0;
            long trades = 0;
            for (JsonNode run : runs) {
                JsonNode m = run.path("final_metrics");
                double ret = m.path("total_return_pct").asDouble();
                sumReturn += ret;
                if (ret > best) {
                    best = ret;
                    bestRun = run.path("backtest_id").asString();
                }
                if (m.hasNonNull("sharpe_ratio")) {
                    sumSharpe += m.path("sharpe_ratio").asDouble();
                    sharpeCount++;
                }
                double dd = m.path("max_drawdown_pct").asDouble();
                sumDrawdown += dd;
                worstDrawdown = Math.min(worstDrawdown, dd);
                trades += m.path("trade_count").asLong();
            }
            rows.add(new Row(strategy, runs.size(), sumReturn / runs.size(), best,
                    sharpeCount == 0 ? null : sumSharpe / sharpeCount, sumDrawdown / runs.size(), worstDrawdown, trades, bestRun));
        });
        rows.sort(Comparator.comparingDouble(Row::meanReturnPct).reversed()
                .thenComparing(r -> r.meanSharpe() == null ? Double.NEGATIVE_INFINITY : r.meanSharpe(), Comparator.reverseOrder()));
        return new Leaderboard(rows, completed, statuses.size());
    }

    /** "sma-crossover fast=10 slow=30", params sorted; several strategies joined with " + ". */
    static String strategyKey(JsonNode request) {
        List<String> parts = new ArrayList<>();
        for (JsonNode id : request.path("strategy_ids")) {
            StringBuilder key = new StringBuilder(id.asString());
            Map<String, String> params = new TreeMap<>();
            request.path("params").path(id.asString()).properties()
                    .forEach(e -> params.put(e.getKey(), number(e.getValue())));
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            parts.add(key.toString());
        }
        return String.join(" + ", parts);
    }

    private static String number(JsonNode value) {
        if (!value.isNumber()) {
            return value.asString(value.toString());
        }
        double d = value.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    List<String> render() {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("#", "strategy", "runs", "avg return", "best return", "avg sharpe", "avg max dd", "worst max dd", "trades", "best run"));
        int rank = 0;
        for (Row row : rows) {
            table.add(List.of(
                    Integer.toString(++rank),
                    row.strategy(),
                    Integer.toString(row.runs()),
                    pct(row.meanReturnPct()),
                    pct(row.bestReturnPct()),
                    row.meanSharpe() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.meanSharpe()),
                    String.format(Locale.ROOT, "%.2f%%", row.meanMaxDrawdownPct()),
                    String.format(Locale.ROOT, "%.2f%%", row.worstMaxDrawdownPct()),
                    Long.toString(row.trades()),
                    row.bestRun()));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Strategy leaderboard: " + completedRuns + " completed run(s) of " + allRuns + " in backtest.status");
        lines.addAll(format(table));
        return lines;
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%+.2f%%", value);
    }

    private static List<String> format(List<List<String>> table) {
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                boolean left = c == 1 || c == row.size() - 1;
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

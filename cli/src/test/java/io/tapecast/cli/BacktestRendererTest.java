package io.tapecast.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Formatting of backtest events, from frames as the gateway sends them. */
class BacktestRendererTest {

    static final String ID = "backtest_20240211_143022_k3x9qa";

    static final List<String> FRAMES = List.of(
            "{\"type\":\"connected\",\"timestamp\":\"2024-02-11T14:30:22.130Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"data\":{\"status\":\"running\",\"from_seq\":0,\"last_seq\":3,\"attempts\":1,\"gateway\":\"gateway-1\"}}",
            "{\"type\":\"progress\",\"timestamp\":\"2024-02-11T14:30:22.200Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":1,\"data\":{\"candles_processed\":1250,\"candles_total\":8760,\"percent\":14.27,"
                    + "\"simulated_time\":\"2023-02-22T01:00:00Z\",\"equity\":10412.55,\"pnl\":412.55,\"trade_count\":7,\"win_rate\":57.14}}",
            "{\"type\":\"trade\",\"timestamp\":\"2024-02-11T14:30:22.210Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":2,\"data\":{\"action\":\"entry\",\"trade_id\":\"t-0007\",\"side\":\"buy\",\"price\":23950.5,"
                    + "\"quantity\":0.25,\"fee\":5.99,\"time\":\"2023-02-22T01:00:00Z\",\"strategy_id\":\"sma-crossover\",\"reason\":\"signal\"}}",
            "{\"type\":\"equity\",\"timestamp\":\"2024-02-11T14:30:22.220Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":3,\"data\":{\"time\":\"2023-02-24T13:00:00Z\",\"equity\":10565.29,\"drawdown\":-1.8}}",
            "{\"type\":\"trade\",\"timestamp\":\"2024-02-11T14:30:22.230Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":4,\"data\":{\"action\":\"exit\",\"trade_id\":\"t-0007\",\"side\":\"sell\",\"price\":23610.0,"
                    + "\"quantity\":0.25,\"fee\":6.15,\"time\":\"2023-02-24T13:00:00Z\",\"strategy_id\":\"sma-crossover\","
                    + "\"reason\":\"stop_loss\",\"pnl\":-97.26,\"pnl_percent\":-1.62}}",
            "{\"type\":\"progress\",\"timestamp\":\"2024-02-11T14:30:22.300Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":5,\"data\":{\"candles_processed\":8760,\"candles_total\":8760,\"percent\":100.0,"
                    + "\"simulated_time\":\"2023-12-31T23:00:00Z\",\"equity\":11234.56,\"pnl\":1234.56,\"trade_count\":12,\"win_rate\":58.33}}",
            "{\"type\":\"complete\",\"timestamp\":\"2024-02-11T14:30:22.400Z\",\"stream\":\"backtest\",\"stream_id\":\"" + ID
                    + "\",\"seq\":6,\"data\":{\"status\":\"completed\",\"final_equity\":11234.56,\"total_trades\":12,"
                    + "\"metrics\":{\"initial_capital\":10000.0,\"final_equity\":11234.56,\"net_profit\":1234.56,"
                    + "\"total_return_pct\":12.3456,\"max_drawdown_pct\":-8.75,\"max_drawdown_duration_days\":41.5,"
                    + "\"sharpe_ratio\":1.42,\"win_rate_pct\":58.33,\"trade_count\":12,\"winning_trades\":7,\"losing_trades\":5,"
                    + "\"exposure_pct\":71.2,\"total_fees\":143.2,\"buy_and_hold_return_pct\":9.8,\"future_figure\":3.5},"
                    + "\"strategies\":{\"sma-crossover\":{\"initial_capital\":10000.0,\"final_equity\":11234.56}},"
                    + "\"candles\":8760,\"duration_ms\":31536000000,\"attempts\":1}}");

    static String render(boolean colors, boolean terminal, List<String> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BacktestRenderer renderer = new BacktestRenderer(new Console(out, terminal, Style.of(colors)), false);
        frames.forEach(f -> renderer.render(StreamClient.parse(f)));
        renderer.finish(new StreamClient.Result(StreamClient.Outcome.COMPLETED, 1000, "stream ended", 6, 0));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputHasProgressTradesAndASummaryTable() {
        String out = render(false, false, FRAMES);
        assertThat(out).doesNotContain("\u001b[");
        assertThat(out).contains("● " + ID + " · running · from the start · 3 events so far · gateway-1");
        assertThat(out).contains("] 100.0%");
        assertThat(out).contains("▲ ENTRY  2023-02-22 01:00  t-0007 BUY  0.25 @ 23,950.50  fee 5.99  sma-crossover · signal");
        assertThat(out).contains("▼ EXIT   2023-02-24 13:00  t-0007 SELL 0.25 @ 23,610.00  fee 6.15  P&L -97.26 (-1.62%)");
        assertThat(out).contains("✔ completed · 8,760 candles · 365 days simulated · 12 trades · final equity 11,234.56");
        assertThat(out).containsPattern("Total return\\s+\\+12\\.35%");
        assertThat(out).containsPattern("Max drawdown\\s+-8\\.75%");
        assertThat(out).containsPattern("Sharpe ratio\\s+1\\.42");
        assertThat(out).containsPattern("future_figure\\s+3\\.5"); // a figure added to the contract later still shows
        assertThat(out).doesNotContain("Sortino"); // absent figures are left out
    }

    @Test
    void pnlIsColouredWhenColoursAreOn() {
        String out = render(true, false, FRAMES);
        assertThat(out).contains("\u001b[31m-97.26 (-1.62%)\u001b[0m"); // a loss in red
        assertThat(out).contains("\u001b[32m+12.35%\u001b[0m"); // a gain in green
    }

    @Test
    void onATerminalTheProgressBarIsRedrawnInPlace() {
        String out = render(false, true, FRAMES);
        assertThat(out).contains("\r\u001b[2K[");
        assertThat(Style.strip(out)).contains("100.0%");
    }

    @Test
    void anErrorEventIsShownAndAGatewayErrorIsOnlyANotice() {
        String out = render(false, false, List.of(
                "{\"type\":\"error\",\"timestamp\":\"2024-02-11T14:30:22.100Z\",\"stream\":\"backtest\",\"stream_id\":\"x\","
                        + "\"data\":{\"code\":\"UNSUPPORTED_TYPE\",\"message\":\"only ping\"}}",
                "{\"type\":\"error\",\"timestamp\":\"2024-02-11T14:30:22.100Z\",\"stream\":\"backtest\",\"stream_id\":\"x\",\"seq\":1,"
                        + "\"data\":{\"code\":\"NO_CANDLES\",\"message\":\"no BTC-USD 1h candles\"}}"));
        assertThat(out).contains("gateway error UNSUPPORTED_TYPE: only ping");
        assertThat(out).contains("✖ run failed: NO_CANDLES: no BTC-USD 1h candles");
    }

    @Test
    void unknownTypesGetAGenericLine() {
        String out = render(false, false, List.of(
                "{\"type\":\"annotation\",\"timestamp\":\"2024-02-11T14:30:22.100Z\",\"stream\":\"backtest\",\"stream_id\":\"x\",\"seq\":9,"
                        + "\"data\":{\"note\":\"hello\",\"level\":2}}"));
        assertThat(out).contains("#9 annotation  note=hello level=2");
    }

    @Test
    void gapAndControlAreShown() {
        String out = render(false, false, List.of(
                "{\"type\":\"gap\",\"timestamp\":\"2024-02-11T14:30:22.100Z\",\"stream\":\"backtest\",\"stream_id\":\"x\","
                        + "\"data\":{\"requested_from_seq\":1,\"available_from_seq\":812}}",
                "{\"type\":\"control\",\"timestamp\":\"2024-02-11T14:30:22.100Z\",\"stream\":\"backtest\",\"stream_id\":\"x\",\"seq\":812,"
                        + "\"data\":{\"action\":\"paused\",\"candles_processed\":1250,\"simulated_time\":\"2023-02-22T01:00:00Z\"}}"));
        assertThat(out).contains("events 1–811 are no longer retained; continuing from seq 812");
        assertThat(out).contains("⏸ paused at candle 1,250 (2023-02-22 01:00)");
    }
}

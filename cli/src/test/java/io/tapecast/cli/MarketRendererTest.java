package io.tapecast.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Formatting of market-data and live-trading messages. */
class MarketRendererTest {

    private static String env(String type, String stream, long seq, String data) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"2024-02-11T14:30:22.123Z\",\"stream\":\"" + stream
                + "\",\"stream_id\":\"BTC-USD\",\"seq\":" + seq + ",\"data\":" + data + "}";
    }

    private static String render(List<String> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MarketRenderer renderer = new MarketRenderer(
                new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Style.PLAIN), false);
        frames.forEach(f -> renderer.render(StreamClient.parse(f)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void marketDataTypes() {
        String out = render(List.of(
                env("candle", "market-data", 1, "{\"symbol\":\"BTC-USD\",\"timeframe\":\"1h\",\"open_time\":\"2024-02-11T14:00:00Z\","
                        + "\"open\":100.0,\"high\":110.0,\"low\":95.0,\"close\":105.0,\"volume\":12.5,\"closed\":true}"),
                env("candle", "market-data", 2, "{\"symbol\":\"BTC-USD\",\"timeframe\":\"1m\",\"open_time\":\"2024-02-11T14:31:00Z\","
                        + "\"open\":105.0,\"high\":106.0,\"low\":104.0,\"close\":105.5,\"volume\":0.5,\"closed\":false}"),
                env("pattern", "market-data", 3, "{\"symbol\":\"BTC-USD\",\"timeframe\":\"1h\",\"time\":\"2024-02-11T14:00:00Z\","
                        + "\"pattern\":\"bullish_engulfing\",\"direction\":\"bullish\",\"strength\":100,\"candles\":2,"
                        + "\"start_time\":\"2024-02-11T13:00:00Z\"}"),
                env("structure", "market-data", 4, "{\"symbol\":\"BTC-USD\",\"timeframe\":\"1h\",\"time\":\"2024-02-11T14:00:00Z\","
                        + "\"kind\":\"bos\",\"direction\":\"bullish\",\"price\":104.2,\"reference_time\":\"2024-02-11T10:00:00Z\",\"trend\":\"bullish\"}"),
                env("confluence", "market-data", 5, "{\"symbol\":\"BTC-USD\",\"timeframe\":\"1h\",\"time\":\"2024-02-11T14:00:00Z\","
                        + "\"score\":72.5,\"bias\":\"bullish\",\"bullish_score\":72.5,\"bearish_score\":10,\"components\":["
                        + "{\"factor\":\"trend_alignment\",\"weight\":30,\"value\":1,\"points\":30},"
                        + "{\"factor\":\"structure\",\"weight\":25,\"value\":1,\"points\":25}],\"trends\":{\"1h\":\"bullish\"}}")));
        assertThat(out).contains("CANDLE     BTC-USD  1h  2024-02-11 14:00  O 100.00  H 110.00  L 95.00  C 105.00  V 12.50  +5.00%");
        assertThat(out).doesNotContain("14:31"); // a forming candle is not a line off a terminal
        assertThat(out).contains("PATTERN    BTC-USD  1h  2024-02-11 14:00  bullish_engulfing (bullish)  strength 100  candles 2");
        assertThat(out).contains("STRUCTURE  BTC-USD  1h  2024-02-11 14:00  BOS bullish @ 104.20  trend bullish");
        assertThat(out).contains("CONFLUENCE BTC-USD  1h  2024-02-11 14:00  ███████░░░  72.5 bullish  trend_alignment 30.0 · structure 25.0");
    }

    @Test
    void liveTradingTypesAndTheGenericFallback() {
        String out = render(List.of(
                env("order", "live-trading", 1, "{\"order_id\":\"o-1\",\"symbol\":\"BTC-USD\",\"side\":\"buy\",\"quantity\":0.5,"
                        + "\"price\":42000.5,\"status\":\"filled\"}"),
                env("position", "live-trading", 2, "{\"symbol\":\"BTC-USD\",\"quantity\":0.5,\"avg_price\":42000.5,\"unrealized_pnl\":-12.5}"),
                env("pnl", "live-trading", 3, "{\"realized_pnl\":10.0,\"unrealized_pnl\":-12.5,\"equity\":10000}"),
                env("risk", "live-trading", 4, "{\"exposure_pct\":21.0,\"max_drawdown_pct\":-1.2}"),
                env("weather", "live-trading", 5, "{\"sky\":\"clear\"}")));
        assertThat(out).contains("ORDER      BTC-USD  BUY 0.5 @ 42,000.50  filled  o-1");
        assertThat(out).contains("POSITION   BTC-USD  0.5 @ 42,000.50  unrealized -12.50");
        assertThat(out).contains("P&L        realized_pnl +10.00  unrealized_pnl -12.50  equity 10,000.00");
        assertThat(out).contains("RISK      exposure_pct=21 max_drawdown_pct=-1.2");
        assertThat(out).contains("#5 weather  sky=clear");
    }
}

package io.tapecast.schemas;

import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.EquityPoint;
import io.tapecast.schemas.backtest.FillMode;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.TradeEvent;
import io.tapecast.schemas.gateway.Connected;
import io.tapecast.schemas.gateway.Gap;
import io.tapecast.schemas.gateway.GatewayError;
import io.tapecast.schemas.gateway.Pong;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceComponent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.ConfluenceFactor;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.PatternType;
import io.tapecast.schemas.market.StructureEvent;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;
import io.tapecast.schemas.trading.OrderEvent;
import io.tapecast.schemas.trading.PnlEvent;
import io.tapecast.schemas.trading.PositionEvent;
import io.tapecast.schemas.trading.RiskEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic instances of every wire record, shared by the tests. Every {@link BacktestMetrics} of the samples
 * (events, complete, status) comes from {@link #metrics()}: change that one method when the metrics record changes.
 */
final class Samples {

    static final String BACKTEST_ID = "backtest_20240211_143022_k3x9qa";
    static final Instant NOW = Instant.parse("2024-02-11T14:30:22.123Z");

    private Samples() {
    }

    static Progress progress() {
        return new Progress(1_250, 8_760, 14.27, Instant.parse("2023-02-22T01:00:00Z"), 10_412.55, 412.55, 7, 57.14);
    }

    static TradeEvent tradeEntry() {
        return new TradeEvent(TradeEvent.Action.entry, "t-0007", TradeEvent.Side.buy, 23_950.5, 0.25, 5.99,
                Instant.parse("2023-02-22T01:00:00Z"), "ema_cross", "signal", null, null);
    }

    static TradeEvent tradeExit() {
        return new TradeEvent(TradeEvent.Action.exit, "t-0007", TradeEvent.Side.sell, 24_610.0, 0.25, 6.15,
                Instant.parse("2023-02-24T13:00:00Z"), "ema_cross", "take_profit", 152.74, 2.55);
    }

    /** An exit with only the required fields (no strategy id, no reason). */
    static TradeEvent tradeExitMinimal() {
        return new TradeEvent(TradeEvent.Action.exit, "t-0008", TradeEvent.Side.sell, 21_000.0, 0.1, 2.1,
                Instant.parse("2023-03-01T00:00:00Z"), null, null, -95.3, -4.34);
    }

    static EquityPoint equity() {
        return new EquityPoint(Instant.parse("2023-02-24T13:00:00Z"), 10_565.29, -1.8);
    }

    /** The one BacktestMetrics sample; every other sample that holds metrics uses it. */
    static BacktestMetrics metrics() {
        return new BacktestMetrics(10_000.0, 11_234.56, 1_234.56, 12.3456, 9.87, -8.75, 41.5, 1.42, 2.05, 1.128,
                58.33, 12, 7, 5, 1.84, 102.88, 1.37, 1.02, 7.9, -3.4, 36.5, 71.2, 143.2, 9.8);
    }

    /** A finished one-strategy run: the total and the strategy's sub-portfolio have the same figures. */
    static Complete complete() {
        BacktestMetrics metrics = metrics();
        return new Complete(Complete.COMPLETED, metrics.finalEquity(), metrics.tradeCount(), metrics,
                Map.of("ema_cross", metrics), 8_760, 31_536_000_000L, 1);
    }

    /** A run a user cancelled, after a worker fail-over, without per-strategy figures. */
    static Complete completeCancelled() {
        BacktestMetrics metrics = metrics();
        return new Complete(Complete.CANCELLED, metrics.finalEquity(), metrics.tradeCount(), metrics, Map.of(),
                1_250, 4_500_000_000L, 2);
    }

    static ControlEvent controlPaused() {
        return new ControlEvent(ControlEvent.PAUSED, 1_250, Instant.parse("2023-02-22T01:00:00Z"));
    }

    static ControlEvent controlResumed() {
        return new ControlEvent(ControlEvent.RESUMED, 1_250, Instant.parse("2023-02-22T01:00:00Z"));
    }

    static ControlEvent controlCancelled() {
        return new ControlEvent(ControlEvent.CANCELLED, 2_000, Instant.parse("2023-03-25T07:00:00Z"));
    }

    static ControlCommand controlCommand() {
        return new ControlCommand(BACKTEST_ID, ControlAction.pause, "alice", NOW.plusSeconds(3));
    }

    /** Only the required fields: no requested_by. */
    static ControlCommand controlCommandMinimal() {
        return new ControlCommand(BACKTEST_ID, ControlAction.cancel, null, NOW.plusSeconds(4));
    }

    static BacktestError error() {
        return new BacktestError("NO_CANDLES", "no BTC-USD 1h candles between 2023-01-01 and 2023-12-31");
    }

    static Connected connected() {
        return new Connected("running", 0, 42, 1, "gateway-1");
    }

    static Connected connectedMinimal() {
        return new Connected(null, 10, 10, 0, null);
    }

    static Gap gap() {
        return new Gap(1, 1_001);
    }

    static GatewayError gatewayError() {
        return new GatewayError("BAD_REQUEST", "unknown message type 'subscribe'");
    }

    static Pong pong() {
        return new Pong();
    }

    static StartBacktest startBacktest() {
        return new StartBacktest(BACKTEST_ID, "EMA cross 2023", "BTC-USD", List.of("1h", "4h"),
                Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"),
                List.of("ema_cross", "rsi_reversal"),
                Map.of("ema_cross", Map.of("fast", 12.0, "slow", 26.0)),
                engineOptions(), "alice", NOW);
    }

    /** Only the required fields: no name, owner, requested_at, params or options (so the default options). */
    static StartBacktest startBacktestMinimal() {
        return new StartBacktest(BACKTEST_ID, null, "ETH-USD", List.of("15m"),
                Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2023-06-02T00:00:00Z"),
                List.of("ema_cross"), null, null, null, null);
    }

    /** Every option set away from its default, periods_per_year included. */
    static EngineOptions engineOptions() {
        return new EngineOptions(25_000.0, 10.0, 2.5, 0.5, true, FillMode.CLOSE, false, 252, 0.02);
    }

    static BacktestStatus queued() {
        return BacktestStatus.queued(startBacktest(), NOW);
    }

    static BacktestStatus running() {
        return queued().running("worker-2", 1, 3, 1_048_576L, NOW.plusSeconds(1));
    }

    static BacktestStatus paused() {
        return running().paused(1_500, NOW.plusSeconds(2));
    }

    /** A second worker took the run over after the first one died: attempt 2, seq 1 stored anew. */
    static BacktestStatus runningAfterFailover() {
        return running().running("worker-5", 2, 3, 1_050_112L, NOW.plusSeconds(30));
    }

    static BacktestStatus completed() {
        return running().completed(9_012, metrics(), NOW.plusSeconds(5));
    }

    static BacktestStatus cancelled() {
        return paused().cancelled(1_502, metrics(), NOW.plusSeconds(6));
    }

    static BacktestStatus failed() {
        return queued().failed(1, error(), NOW.plusSeconds(2));
    }

    static final String SYMBOL = "BTC-USD";
    static final Instant MARKET_TIME = Instant.parse("2024-02-11T14:29:00Z");

    static CandleEvent candleForming() {
        return new CandleEvent(SYMBOL, "1h", Instant.parse("2024-02-11T14:00:00Z"), 48_120.5, 48_390.0, 48_050.25,
                48_310.75, 182.4, false);
    }

    static CandleEvent candleClosed() {
        return new CandleEvent(SYMBOL, "1m", MARKET_TIME, 48_300.0, 48_325.5, 48_290.0, 48_310.75, 3.2, true);
    }

    static PatternEvent patternEngulfing() {
        return new PatternEvent(SYMBOL, "1m", MARKET_TIME, PatternType.BULLISH_ENGULFING, Bias.BULLISH, 80, 2,
                MARKET_TIME.minusSeconds(60));
    }

    static PatternEvent patternDoji() {
        return new PatternEvent(SYMBOL, "15m", Instant.parse("2024-02-11T14:00:00Z"), PatternType.DOJI, Bias.NEUTRAL,
                100, 1, Instant.parse("2024-02-11T14:00:00Z"));
    }

    static StructureEvent swingHigh() {
        return new StructureEvent(SYMBOL, "1m", MARKET_TIME, StructureKind.SWING_HIGH, Bias.BEARISH, 48_420.0,
                MARKET_TIME.minusSeconds(180), null, null, Trend.UP);
    }

    static StructureEvent breakOfStructure() {
        return new StructureEvent(SYMBOL, "1m", MARKET_TIME, StructureKind.BOS, Bias.BULLISH, 48_280.0,
                MARKET_TIME.minusSeconds(600), null, null, Trend.UP);
    }

    static StructureEvent changeOfCharacter() {
        return new StructureEvent(SYMBOL, "5m", MARKET_TIME, StructureKind.CHOCH, Bias.BEARISH, 48_010.0,
                MARKET_TIME.minusSeconds(1_800), null, null, Trend.DOWN);
    }

    static StructureEvent fairValueGap() {
        return new StructureEvent(SYMBOL, "1m", MARKET_TIME, StructureKind.FVG, Bias.BULLISH, null,
                MARKET_TIME.minusSeconds(60), 48_250.0, 48_290.0, Trend.UNDEFINED);
    }

    static StructureEvent fairValueGapMitigated() {
        return new StructureEvent(SYMBOL, "1m", MARKET_TIME.plusSeconds(300), StructureKind.FVG_MITIGATED,
                Bias.BULLISH, null, MARKET_TIME.minusSeconds(60), 48_250.0, 48_290.0, Trend.UP);
    }

    static ConfluenceEvent confluence() {
        Map<String, Trend> trends = new LinkedHashMap<>();
        trends.put("1m", Trend.UP);
        trends.put("5m", Trend.UP);
        trends.put("1h", Trend.DOWN);
        return new ConfluenceEvent(SYMBOL, "1m", MARKET_TIME, 67.67, Bias.BULLISH, 67.67, 13.33, List.of(
                new ConfluenceComponent(ConfluenceFactor.TREND_ALIGNMENT, 40, 0.6667, 26.67,
                        "2 of 3 timeframes up (1m up, 5m up, 1h down)"),
                new ConfluenceComponent(ConfluenceFactor.STRUCTURE, 25, 1, 25, "bos bullish at 2024-02-11T14:29:00Z"),
                new ConfluenceComponent(ConfluenceFactor.PATTERN, 15, 0.8, 12, "bullish_engulfing (80) at 2024-02-11T14:29:00Z"),
                new ConfluenceComponent(ConfluenceFactor.MOMENTUM, 20, 0.2, 4, "RSI(14) 54.00")), trends);
    }

    /** Before any analysis: everything neutral, the own timeframe only. */
    static ConfluenceEvent confluenceNeutral() {
        return new ConfluenceEvent(SYMBOL, "1d", MARKET_TIME, 0, Bias.NEUTRAL, 0, 0, List.of(), Map.of("1d", Trend.UNDEFINED));
    }

    static final String ACCOUNT = "demo";
    static final Instant TRADING_TIME = Instant.parse("2024-02-11T14:29:00Z");

    static OrderEvent orderEntry() {
        return new OrderEvent("demo-7", "sma-crossover-4", SYMBOL, "sma-crossover", OrderEvent.Side.buy,
                OrderEvent.Action.entry, 0.1034, 48_300.0, 4.99, "enter_long", TRADING_TIME, null);
    }

    static OrderEvent orderExit() {
        return new OrderEvent("demo-8", "sma-crossover-4", SYMBOL, "sma-crossover", OrderEvent.Side.sell,
                OrderEvent.Action.exit, 0.1034, 48_710.0, 5.04, "stop_loss", TRADING_TIME.plusSeconds(600), 32.37);
    }

    static PositionEvent positionLong() {
        return new PositionEvent(SYMBOL, "sma-crossover", 0.1034, 48_300.0, 48_310.75, 4_995.33, 1.11, -4.99,
                TRADING_TIME);
    }

    static PositionEvent positionFlat() {
        return new PositionEvent(SYMBOL, "sma-crossover", 0, null, 48_702.0, 0, 0, 32.37,
                TRADING_TIME.plusSeconds(600));
    }

    static PnlEvent pnl() {
        return new PnlEvent(TRADING_TIME, 10_000.0, 10_027.5, 5_032.17, 26.39, 1.11, 27.5, 0.275, 14.02, 1, 8);
    }

    static RiskEvent risk() {
        return new RiskEvent(TRADING_TIME, 10_027.5, 4_995.33, 4_995.33, 0.4982, 0.4982, 10_050.0, -0.2239, 41.2,
                0.4109, 250, SYMBOL, 1.0);
    }

    /** Flat, too early for VaR. */
    static RiskEvent riskFlat() {
        return new RiskEvent(TRADING_TIME, 10_000.0, 0, 0, 0, 0, 10_000.0, 0, null, null, 3, null, 0);
    }

    static <P extends Payload> Envelope<P> tradingEvent(long seq, P payload) {
        return Envelope.event(StreamType.LIVE_TRADING, ACCOUNT, seq, NOW, payload);
    }

    static <P extends Payload> Envelope<P> marketEvent(long seq, P payload) {
        return Envelope.event(StreamType.MARKET_DATA, SYMBOL, seq, NOW, payload);
    }

    static <P extends Payload> Envelope<P> event(long seq, P payload) {
        return Envelope.event(StreamType.BACKTEST, BACKTEST_ID, seq, NOW, payload);
    }

    static <P extends Payload> Envelope<P> gateway(P payload) {
        return Envelope.gatewayMessage(StreamType.BACKTEST, BACKTEST_ID, NOW, payload);
    }

    static String json(Object value) {
        return WireJson.mapper().writeValueAsString(value);
    }
}

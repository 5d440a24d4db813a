package io.tapecast.worker.paper;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.trading.OrderEvent;
import io.tapecast.schemas.trading.PnlEvent;
import io.tapecast.schemas.trading.PositionEvent;
import io.tapecast.schemas.trading.RiskEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tapecast.worker.paper.ScriptedPath.BTC;
import static io.tapecast.worker.paper.ScriptedPath.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PaperAccountTest {

    private static final double EPS = 1e-9;

    private static PaperAccount account() {
        return new PaperAccount(ScriptedPath.account("demo"), StrategyCatalog.defaults());
    }

    private static List<PaperAccount.Output> interleaved(PaperAccount account) {
        List<PaperAccount.Output> out = new ArrayList<>();
        for (int i = 0; i < BTC.length; i++) {
            out.addAll(account.accept("BTC-USD", ScriptedPath.candle(BTC, i)));
            out.addAll(account.accept("ETH-USD", ScriptedPath.candle(ETH, i)));
        }
        return out;
    }

    private static List<String> types(List<PaperAccount.Output> outputs) {
        return outputs.stream().map(o -> o.payload().eventType()).toList();
    }

    @Test
    void ordersPositionsAndPnlFollowTheHandComputation() {
        List<PaperAccount.Output> out = interleaved(account());
        assertThat(types(out)).containsExactly(
                "pnl", "risk", "pnl", "risk", "pnl", "risk",
                "order", "position", "pnl", "risk",
                "pnl", "risk",
                "order", "position", "pnl", "risk",
                "order", "position", "pnl", "risk",
                "pnl", "risk");

        OrderEvent buy = (OrderEvent) out.get(6).payload();
        assertThat(out.get(6).symbol()).isEqualTo("BTC-USD");
        assertThat(buy.orderId()).isEqualTo("demo-1");
        assertThat(buy.tradeId()).isEqualTo("sma-crossover-1");
        assertThat(buy.side()).isEqualTo(OrderEvent.Side.buy);
        assertThat(buy.action()).isEqualTo(OrderEvent.Action.entry);
        assertThat(buy.price()).isEqualTo(102);
        assertThat(buy.quantity()).isCloseTo(ScriptedPath.U1, within(EPS));
        assertThat(buy.fee()).isCloseTo(ScriptedPath.FEE1, within(EPS));
        assertThat(buy.time()).isEqualTo(ScriptedPath.T0.plusSeconds(180));
        assertThat(buy.reason()).isEqualTo("enter_long");

        PositionEvent opened = (PositionEvent) out.get(7).payload();
        assertThat(opened.quantity()).isCloseTo(ScriptedPath.U1, within(EPS));
        assertThat(opened.averageEntryPrice()).isEqualTo(102);
        assertThat(opened.marketPrice()).isEqualTo(104);
        assertThat(opened.unrealizedPnl()).isCloseTo(ScriptedPath.U1 * 2, within(EPS));
        assertThat(opened.realizedPnl()).isCloseTo(-ScriptedPath.FEE1, within(EPS));

        PnlEvent afterBuy = (PnlEvent) out.get(8).payload();
        assertThat(out.get(8).symbol()).isNull();
        assertThat(afterBuy.equity()).isCloseTo(10_000 - ScriptedPath.FEE1 + ScriptedPath.U1 * 2, within(EPS));
        assertThat(afterBuy.openPositions()).isEqualTo(1);

        RiskEvent riskAfterBuy = (RiskEvent) out.get(9).payload();
        assertThat(riskAfterBuy.grossExposure()).isCloseTo(ScriptedPath.U1 * 104, within(EPS));
        assertThat(riskAfterBuy.exposure()).isCloseTo(ScriptedPath.U1 * 104 / afterBuy.equity(), within(EPS));
        assertThat(riskAfterBuy.leverage()).isCloseTo(riskAfterBuy.exposure(), within(EPS));
        assertThat(riskAfterBuy.largestPositionSymbol()).isEqualTo("BTC-USD");
        assertThat(riskAfterBuy.largestPositionShare()).isEqualTo(1.0);
        assertThat(riskAfterBuy.var95()).isNull();
        assertThat(riskAfterBuy.varWindow()).isEqualTo(4);

        OrderEvent sell = (OrderEvent) out.get(12).payload();
        assertThat(sell.orderId()).isEqualTo("demo-2");
        assertThat(sell.action()).isEqualTo(OrderEvent.Action.exit);
        assertThat(sell.price()).isEqualTo(101);
        assertThat(sell.fee()).isCloseTo(ScriptedPath.FEE2, within(EPS));
        assertThat(sell.realizedPnl()).isCloseTo(ScriptedPath.PNL1, within(EPS));
        PositionEvent flat = (PositionEvent) out.get(13).payload();
        assertThat(flat.quantity()).isZero();
        assertThat(flat.averageEntryPrice()).isNull();
        assertThat(flat.realizedPnl()).isCloseTo(ScriptedPath.PNL1, within(EPS));

        // peak: the mark after the buy (t3) is the highest; t4 closes at 103
        PnlEvent t4 = (PnlEvent) out.get(10).payload();
        RiskEvent t4Risk = (RiskEvent) out.get(11).payload();
        assertThat(t4Risk.peakEquity()).isCloseTo(afterBuy.equity(), within(EPS));
        assertThat(t4Risk.drawdownPct()).isCloseTo((t4.equity() / afterBuy.equity() - 1) * 100, within(EPS));

        PnlEvent last = (PnlEvent) out.get(out.size() - 2).payload();
        assertThat(last.time()).isEqualTo(ScriptedPath.T0.plusSeconds(420));
        assertThat(last.equity()).isCloseTo(ScriptedPath.FINAL_EQUITY, within(EPS));
        assertThat(last.realizedPnl()).isCloseTo(ScriptedPath.FINAL_REALIZED, within(EPS));
        assertThat(last.unrealizedPnl()).isCloseTo(ScriptedPath.FINAL_UNREALIZED, within(EPS));
        assertThat(last.totalPnl()).isCloseTo(ScriptedPath.FINAL_EQUITY - 10_000, within(EPS));
        assertThat(last.cash()).isCloseTo(ScriptedPath.FINAL_CASH, within(1e-6));
        assertThat(last.fees()).isCloseTo(ScriptedPath.FEE1 + ScriptedPath.FEE2 + ScriptedPath.FEE3, within(EPS));
        assertThat(last.orders()).isEqualTo(3);
        RiskEvent lastRisk = (RiskEvent) out.get(out.size() - 1).payload();
        // half the capital is in BTC (the ETH book stays in cash)
        assertThat(lastRisk.grossExposure()).isCloseTo(ScriptedPath.U2 * 108, within(EPS));
        assertThat(lastRisk.exposure()).isCloseTo(ScriptedPath.U2 * 108 / ScriptedPath.FINAL_EQUITY, within(EPS));
    }

    @Test
    void theResultDoesNotDependOnHowTheSymbolsInterleave() {
        List<PaperAccount.Output> reference = interleaved(account());
        PaperAccount btcFirst = account();
        List<PaperAccount.Output> out = new ArrayList<>();
        for (Candle c : ScriptedPath.candles(BTC)) {
            out.addAll(btcFirst.accept("BTC-USD", c));
        }
        assertThat(out).as("nothing happens until every symbol has delivered").isEmpty();
        assertThat(btcFirst.waitingFor()).containsExactly("ETH-USD");
        out.addAll(btcFirst.accept("ETH-USD", ScriptedPath.candle(ETH, 0)));
        assertThat(types(out)).containsExactly("pnl", "risk");
        for (int i = 1; i < ETH.length; i++) {
            out.addAll(btcFirst.accept("ETH-USD", ScriptedPath.candle(ETH, i)));
        }
        assertThat(out).isEqualTo(reference);
    }

    @Test
    void repeatedCandlesAreIgnoredAndGapsSkipped() {
        PaperAccount account = account();
        account.accept("BTC-USD", ScriptedPath.candle(BTC, 0));
        assertThat(account.accept("ETH-USD", ScriptedPath.candle(ETH, 0))).hasSize(2);
        assertThat(account.accept("ETH-USD", ScriptedPath.candle(ETH, 0))).isEmpty();
        assertThat(account.ignoredCandles()).isEqualTo(1);
        // ETH skips minute 1: BTC's minute 1 is processed once ETH has minute 2
        assertThat(account.accept("BTC-USD", ScriptedPath.candle(BTC, 1))).isEmpty();
        List<PaperAccount.Output> out = account.accept("ETH-USD", ScriptedPath.candle(ETH, 2));
        assertThat(types(out)).containsExactly("pnl", "risk");
        assertThat(((PnlEvent) out.get(0).payload()).time()).isEqualTo(ScriptedPath.T0.plusSeconds(60));
        assertThatThrownBy(() -> account.accept("SOL-USD", ScriptedPath.candle(BTC, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

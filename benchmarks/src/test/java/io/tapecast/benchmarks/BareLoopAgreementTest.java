package io.tapecast.benchmarks;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestListener;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.StartBacktest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ceiling is honest: over the benchmark's own 1,000,000 candles the bare loop makes the engine's trades and
 * ends with the engine's equity, so benchmark (a) does the same work as (b) and the ratio b/a means something.
 */
class BareLoopAgreementTest {

    private static BenchmarkData data;

    @BeforeAll
    static void generate() {
        data = BenchmarkData.generate(BenchmarkData.CANDLES);
    }

    @Test
    void theInMemorySourceServesExactlyTheRequestedCandles() {
        StartBacktest request = data.request("agreement");
        assertThat(data.size()).isEqualTo(1_000_000);
        assertThat(data.source().candles(BenchmarkData.SYMBOL, BacktestSpec.from(request).drivingTimeframe(),
                request.startDate(), request.endDate())).hasSize(1_000_000);
        assertThat(data.source().candles(BenchmarkData.SYMBOL, BacktestSpec.from(request).drivingTimeframe(),
                request.startDate().plusSeconds(60), request.startDate().plusSeconds(600)))
                .hasSize(9)
                .first().isEqualTo(data.candles().get(1));
    }

    @Test
    void bareLoopAndEngineAgreeOnTradesAndEquity() {
        StartBacktest request = data.request("agreement");
        BacktestResult engine = new BacktestEngine(data.source(), StrategyCatalog.defaults())
                .run(BacktestSpec.from(request), BacktestListener.NONE);

        BareLoop.Result bare = BareLoop.run(data.open(), data.close(), BenchmarkData.defaultParameter("fast"),
                BenchmarkData.defaultParameter("slow"), request.options().initialCapital(), request.options().feeBps());

        assertThat(engine.candles()).isEqualTo(BenchmarkData.CANDLES);
        assertThat(bare.trades()).as("trade count").isGreaterThan(1000).isEqualTo(engine.metrics().tradeCount());
        assertThat(bare.winningTrades()).as("winning trades").isEqualTo(engine.metrics().winningTrades());
        assertThat(bare.finalEquity()).as("final equity")
                .isCloseTo(engine.metrics().finalEquity(), within(1e-9 * engine.metrics().finalEquity()));
        assertThat(bare.maxDrawdownPct()).as("max drawdown %")
                .isCloseTo(engine.metrics().maxDrawdownPct(), within(1e-9));
    }

    @Test
    void withFeesTooOnAShorterSeries() {
        // Fees exercise the sizing and P&L arithmetic the default (fee-free) run leaves at zero.
        int n = 100_000;
        double[] open = Arrays.copyOf(data.open(), n);
        double[] close = Arrays.copyOf(data.close(), n);
        StartBacktest withFee = data.request("agreement-fees", n, Map.of("fee_bps", 10));
        assertThat(withFee.options().feeBps()).isEqualTo(10);
        BacktestResult engine = new BacktestEngine(data.source(), StrategyCatalog.defaults())
                .run(BacktestSpec.from(withFee), BacktestListener.NONE);

        BareLoop.Result bare = BareLoop.run(open, close, BenchmarkData.defaultParameter("fast"),
                BenchmarkData.defaultParameter("slow"), withFee.options().initialCapital(), 10);

        assertThat(bare.trades()).isEqualTo(engine.metrics().tradeCount());
        assertThat(bare.finalEquity()).isCloseTo(engine.metrics().finalEquity(),
                within(1e-9 * engine.metrics().finalEquity()));
    }
}

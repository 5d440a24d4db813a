package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CsvCandles;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The peer check: backtesting.py's own test ("SmaCross" over GOOG daily bars, see
 * /work/shared/reference/README.md and src/test/resources/reference). Setup: SMA(10/30) crossover that reverses
 * on every cross (allow_short), next-open fills, whole units, no costs, a position still open closed at the last
 * close. The peer's published figures must come out exactly (at their printed precision) for trade count, max
 * drawdown, win rate, best and worst trade, and within 2 % for final equity.
 */
class GoogReferenceTest {

    private static List<Candle> candles;
    private static BacktestResult result;

    @BeforeAll
    static void runBacktest() throws URISyntaxException {
        Path file = Path.of(Objects.requireNonNull(GoogReferenceTest.class.getResource("/reference/GOOG.csv")).toURI());
        candles = CsvCandles.read(file);
        EngineOptions peer = new EngineOptions(10_000, 0, 0, 1.0, true, FillMode.NEXT_OPEN, true, null, 0);
        BacktestSpec spec = new BacktestSpec("GOOG", List.of(Timeframe.D1), candles.get(0).time(),
                candles.get(candles.size() - 1).time().plusSeconds(86_400), List.of("sma-crossover"),
                Map.of("sma-crossover", Map.of("fast", 10.0, "slow", 30.0, "allow_short", 1.0)), peer);
        result = new BacktestEngine((symbol, tf, from, to) -> candles, StrategyCatalog.defaults())
                .run(spec, BacktestListener.NONE);
    }

    private static double round(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Test
    void readsTheWholeFile() {
        assertThat(candles).hasSize(2_148);
        assertThat(result.candles()).isEqualTo(2_148);
        assertThat(result.firstCandleTime()).isEqualTo(Instant.parse("2004-08-19T00:00:00Z"));
    }

    @Test
    void reproducesThePeersExactFigures() {
        BacktestMetrics m = result.metrics();
        assertThat(m.tradeCount()).isEqualTo(66);
        assertThat(round(m.maxDrawdownPct(), 2)).isEqualTo(-47.98);
        assertThat(round(m.winRatePct(), 2)).isEqualTo(46.97);
        assertThat(round(m.bestTradePct(), 3)).isEqualTo(53.596);
        assertThat(round(m.worstTradePct(), 3)).isEqualTo(-18.399);
    }

    @Test
    void finalEquityIsWithinTwoPercentOfThePeers() {
        assertThat(result.metrics().finalEquity()).isCloseTo(51_422.99, within(51_422.99 * 0.02));
    }

    @Test
    void printFigures() {
        System.out.println(result.metrics());
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.backtest.StartBacktest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestSpecTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void theFinestTimeframeDrivesTheLoop() {
        BacktestSpec spec = new BacktestSpec("BTC-USD", List.of(Timeframe.D1, Timeframe.M15, Timeframe.H1), FROM, TO,
                List.of("sma-crossover"), null, 1_000, 0);
        assertThat(spec.drivingTimeframe()).isEqualTo(Timeframe.M15);
        assertThat(spec.paramsFor("sma-crossover")).isEmpty();
    }

    @Test
    void rejectsInvalidSpecs() {
        List<Timeframe> h1 = List.of(Timeframe.H1);
        List<String> sma = List.of("sma-crossover");
        assertThatThrownBy(() -> new BacktestSpec("btc", h1, FROM, TO, sma, null, 1_000, 0)).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", List.of(), FROM, TO, sma, null, 1_000, 0)).hasMessageContaining("timeframes");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, TO, FROM, sma, null, 1_000, 0)).hasMessageContaining("before");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, FROM, TO, List.of(), null, 1_000, 0)).hasMessageContaining("strategyIds");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, FROM, TO, List.of("a", "a"), null, 1_000, 0)).hasMessageContaining("repeat");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, FROM, TO, sma, Map.of("other", Map.of()), 1_000, 0))
                .hasMessageContaining("'other'");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, FROM, TO, sma, null, 0, 0)).hasMessageContaining("initialCapital");
        assertThatThrownBy(() -> new BacktestSpec("AAPL", h1, FROM, TO, sma, null, 1_000, -1)).hasMessageContaining("feeBps");
    }

    @Test
    void isBuiltFromAStartCommand() {
        StartBacktest command = new StartBacktest("bt-1", "demo", "ETH-USD", List.of("4H", "1h"), FROM, TO,
                List.of("sma-crossover"), Map.of("sma-crossover", Map.of("fast", 5.0)),
                io.tapecast.schemas.backtest.EngineOptions.defaults().withInitialCapital(2_000).withFeeBps(7.5), "alice", FROM);

        BacktestSpec spec = BacktestSpec.from(command);

        assertThat(spec.timeframes()).containsExactly(Timeframe.H4, Timeframe.H1);
        assertThat(spec.drivingTimeframe()).isEqualTo(Timeframe.H1);
        assertThat(spec.paramsFor("sma-crossover")).containsEntry("fast", 5.0);
        assertThat(spec.initialCapital()).isEqualTo(2_000);
        assertThat(spec.feeBps()).isEqualTo(7.5);
        assertThat(spec.options()).isEqualTo(command.options());
        assertThat(spec.higherTimeframes()).containsExactly(Timeframe.H4);
    }

    @Test
    void carriesEveryEngineOption() {
        io.tapecast.schemas.backtest.EngineOptions options = new io.tapecast.schemas.backtest.EngineOptions(5_000, 2,
                3, 0.5, true, io.tapecast.schemas.backtest.FillMode.CLOSE, false, 300, 0.01);
        StartBacktest command = new StartBacktest("bt-2", "demo", "AAPL", List.of("1d"), FROM, TO,
                List.of("sma-crossover"), null, options, "alice", FROM);

        BacktestSpec spec = BacktestSpec.from(command);

        assertThat(spec.options()).isEqualTo(options);
        assertThat(spec.periodsPerYear()).isEqualTo(300);
    }

    @Test
    void annualisesPairSymbolsOver365DaysAndTickersOver252() {
        List<String> sma = List.of("sma-crossover");
        List<Timeframe> d1 = List.of(Timeframe.D1);
        assertThat(new BacktestSpec("BTC-USD", d1, FROM, TO, sma, null, 1_000, 0).periodsPerYear()).isEqualTo(365);
        assertThat(new BacktestSpec("ETH/USDT", d1, FROM, TO, sma, null, 1_000, 0).periodsPerYear()).isEqualTo(365);
        assertThat(new BacktestSpec("GOOG", d1, FROM, TO, sma, null, 1_000, 0).periodsPerYear()).isEqualTo(252);
    }
}

package io.tapecast.gateway.start;

import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.StartBacktest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StartRequestValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final StartRequestValidator validator = new StartRequestValidator(StrategyCatalog.defaults());

    @Test
    void acceptsAValidRequestAndAppliesDefaults() {
        StartBacktest command = validator.validate(new StartRequest(null, "btc-usd", List.of("4H", "1h"), "2024-01-01",
                "2024-06-30T12:00:00Z", List.of("sma-crossover"), Map.of("sma-crossover", Map.of("fast", 5.0)), null, null,
                null, null, null, null, null, null, null), "backtest_x", null, NOW);
        assertThat(command.symbol()).isEqualTo("BTC-USD");
        assertThat(command.timeframes()).containsExactly("4h", "1h");
        assertThat(command.startDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(command.endDate()).isEqualTo(Instant.parse("2024-06-30T12:00:00Z"));
        assertThat(command.options()).isEqualTo(EngineOptions.defaults());
        assertThat(command.name()).isEqualTo("BTC-USD sma-crossover");
        assertThat(command.requestedAt()).isEqualTo(NOW);
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        assertThat(fields(new StartRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("symbol", "timeframes", "start_date", "end_date", "strategy_ids");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThat(fields(valid("2024-05-01", "2024-01-01", List.of("1h"), List.of("sma-crossover")))).containsExactly("end_date");
    }

    @Test
    void rejectsUnknownTimeframesAndStrategiesByIndex() {
        assertThat(fields(valid("2024-01-01", "2024-02-01", List.of("1h", "2h"), List.of("sma-crossover", "magic"))))
                .containsExactlyInAnyOrder("timeframes[1]", "strategy_ids[1]");
    }

    @Test
    void rejectsBadDatesCapitalFeesAndParameters() {
        StartRequest request = new StartRequest("n", "BTC-USD", List.of("1h"), "yesterday", "2024-02-01",
                List.of("sma-crossover"), Map.of("sma-crossover", Map.of("fast", 50.0, "slow", 20.0)), -5.0, 5_000.0,
                -1.0, 1.5, null, "tomorrow", null, 0, 3.0);
        assertThat(fields(request)).containsExactlyInAnyOrder("start_date", "params.sma-crossover.slow",
                "initial_capital", "fee_bps", "slippage_bps", "position_size", "fill", "periods_per_year", "risk_free_rate");
    }

    @Test
    void acceptsBooleanFlagsAsOneAndZeroAndRejectsOtherParameterTypes() {
        StartRequest flags = new StartRequest(null, "BTC-USD", List.of("1h"), "2024-01-01", "2024-02-01",
                List.of("sma-crossover"), Map.of("sma-crossover", Map.of("allow_short", true)), null, null, null, null, null,
                null, null, null, null);
        assertThat(validator.validate(flags, "backtest_x", null, NOW).params().get("sma-crossover"))
                .containsEntry("allow_short", 1.0);
        StartRequest text = new StartRequest(null, "BTC-USD", List.of("1h"), "2024-01-01", "2024-02-01",
                List.of("sma-crossover"), Map.of("sma-crossover", Map.of("fast", "ten")), null, null, null, null, null,
                null, null, null, null);
        assertThat(fields(text)).containsExactly("params.sma-crossover.fast");
    }

    @Test
    void rejectsASymbolOfTheWrongShape() {
        StartRequest request = new StartRequest(null, "BTC USD!", List.of("1h"), "2024-01-01", "2024-02-01",
                List.of("sma-crossover"), null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(request)).containsExactly("symbol");
    }

    private static StartRequest valid(String start, String end, List<String> timeframes, List<String> strategies) {
        return new StartRequest(null, "BTC-USD", timeframes, start, end, strategies, null, null, null, null, null, null,
                null, null, null, null);
    }

    private List<String> fields(StartRequest request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.validate(request, "backtest_x", null, NOW));
        assertThat(e).as("validation should fail").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}

package io.tapecast.gateway.start;

import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import io.tapecast.schemas.backtest.StartBacktest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a start request field by field and reports every problem at once. Dates are ISO dates
 * ({@code 2024-01-01}, meaning UTC midnight) or ISO date-times (UTC when no offset is given); the range is
 * half-open, [start_date, end_date).
 */
final class StartRequestValidator {

    static final double DEFAULT_CAPITAL = 10_000;
    static final double MAX_CAPITAL = 1e12;
    static final double MAX_COST_BPS = 1_000;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final StrategyCatalog strategies;

    StartRequestValidator(StrategyCatalog strategies) {
        this.strategies = strategies;
    }

    StartBacktest validate(StartRequest request, String backtestId, String owner, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String symbol = request.symbol() == null ? null : request.symbol().trim().toUpperCase(Locale.ROOT);
        if (symbol == null || symbol.isEmpty()) {
            errors.add(new FieldError("symbol", "is required"));
        } else if (!Symbols.isValid(symbol)) {
            errors.add(new FieldError("symbol", "must look like BTC-USD or AAPL (letters and digits, one '-' or '/')"));
        }

        List<String> timeframes = new ArrayList<>();
        if (request.timeframes() == null || request.timeframes().isEmpty()) {
            errors.add(new FieldError("timeframes", "needs at least one of 1m, 5m, 15m, 1h, 4h, 1d"));
        } else {
            for (int i = 0; i < request.timeframes().size(); i++) {
                String tf = request.timeframes().get(i);
                if (tf == null || !Timeframe.isValid(tf)) {
                    errors.add(new FieldError("timeframes[" + i + "]", "unknown timeframe '" + tf + "'; use 1m, 5m, 15m, 1h, 4h or 1d"));
                } else {
                    String label = Timeframe.parse(tf).label();
                    if (!timeframes.contains(label)) {
                        timeframes.add(label);
                    }
                }
            }
        }

        Instant start = parseDate("start_date", request.startDate(), errors);
        Instant end = parseDate("end_date", request.endDate(), errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("end_date", "must be after start_date"));
        }

        List<String> strategyIds = new ArrayList<>();
        if (request.strategyIds() == null || request.strategyIds().isEmpty()) {
            errors.add(new FieldError("strategy_ids", "needs at least one strategy; see GET /api/strategies"));
        } else {
            for (int i = 0; i < request.strategyIds().size(); i++) {
                String id = request.strategyIds().get(i);
                if (id == null || strategies.find(id).isEmpty()) {
                    errors.add(new FieldError("strategy_ids[" + i + "]", "unknown strategy '" + id + "'; see GET /api/strategies"));
                } else if (strategyIds.contains(id)) {
                    errors.add(new FieldError("strategy_ids[" + i + "]", "strategy '" + id + "' is listed twice"));
                } else {
                    strategyIds.add(id);
                }
            }
        }

        Map<String, Map<String, Double>> params = new LinkedHashMap<>();
        if (request.params() != null) {
            request.params().forEach((id, values) -> {
                if (!strategyIds.contains(id)) {
                    errors.add(new FieldError("params." + id, "parameters for a strategy not in strategy_ids"));
                    return;
                }
                Map<String, Double> given = numeric(id, values, errors);
                for (String problem : strategies.validate(id, given)) {
                    errors.add(new FieldError(paramField(id, problem), problem));
                }
                params.put(id, Map.copyOf(given));
            });
        }

        double capital = request.initialCapital() == null ? DEFAULT_CAPITAL : request.initialCapital();
        if (!(capital > 0) || capital > MAX_CAPITAL || Double.isInfinite(capital)) {
            errors.add(new FieldError("initial_capital", "must be more than 0 and at most " + (long) MAX_CAPITAL));
        }
        double feeBps = request.feeBps() == null ? 0 : request.feeBps();
        if (!(feeBps >= 0) || feeBps > MAX_COST_BPS) {
            errors.add(new FieldError("fee_bps", "must be between 0 and " + (int) MAX_COST_BPS + " basis points"));
        }
        double slippageBps = request.slippageBps() == null ? 0 : request.slippageBps();
        if (!(slippageBps >= 0) || slippageBps > MAX_COST_BPS) {
            errors.add(new FieldError("slippage_bps", "must be between 0 and " + (int) MAX_COST_BPS + " basis points"));
        }
        double positionSize = request.positionSize() == null ? 1.0 : request.positionSize();
        if (!(positionSize > 0) || positionSize > 1) {
            errors.add(new FieldError("position_size", "must be more than 0 and at most 1 (a fraction of equity; no leverage)"));
        }
        FillMode fill = FillMode.NEXT_OPEN;
        if (request.fill() != null) {
            try {
                fill = FillMode.fromWireName(request.fill());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("fill", "must be next_open or close"));
            }
        }
        if (request.periodsPerYear() != null && (request.periodsPerYear() < 1 || request.periodsPerYear() > 366 * 24 * 60)) {
            errors.add(new FieldError("periods_per_year", "must be a whole number from 1 to 527040"));
        }
        double riskFree = request.riskFreeRate() == null ? 0 : request.riskFreeRate();
        if (!(riskFree > -1) || riskFree > 1) {
            errors.add(new FieldError("risk_free_rate", "must be an annual fraction between -1 and 1 (0.02 = 2 %)"));
        }
        String name = request.name() == null || request.name().isBlank()
                ? symbol + " " + String.join("+", strategyIds) : request.name().trim();
        if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }

        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        EngineOptions options = new EngineOptions(capital, feeBps, slippageBps, positionSize,
                Boolean.TRUE.equals(request.wholeUnits()), fill, !Boolean.FALSE.equals(request.closeAtEnd()),
                request.periodsPerYear(), riskFree);
        return new StartBacktest(backtestId, name, symbol, timeframes, start, end, strategyIds, params, options, owner, now);
    }

    /** Parameters as the engine takes them: numbers, with booleans as 1 and 0. */
    private static Map<String, Double> numeric(String strategyId, Map<String, Object> values, List<FieldError> errors) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (values == null) {
            return numbers;
        }
        values.forEach((name, value) -> {
            if (value instanceof Number number) {
                numbers.put(name, number.doubleValue());
            } else if (value instanceof Boolean flag) {
                numbers.put(name, flag ? 1.0 : 0.0);
            } else {
                errors.add(new FieldError("params." + strategyId + "." + name, "must be a number or a boolean"));
            }
        });
        return numbers;
    }

    /** The engine names the parameter first ("sma-crossover.slow must…"), which becomes the field path. */
    private static String paramField(String strategyId, String problem) {
        String prefix = strategyId + ".";
        if (problem.startsWith(prefix)) {
            int end = prefix.length();
            while (end < problem.length() && (Character.isLetterOrDigit(problem.charAt(end)) || problem.charAt(end) == '_')) {
                end++;
            }
            if (end > prefix.length()) {
                return "params." + problem.substring(0, end);
            }
        }
        return "params." + strategyId;
    }

    private static Instant parseDate(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (ISO date like 2024-01-01 or date-time like 2024-01-01T00:00:00Z)"));
            return null;
        }
        Instant parsed = tryParse(value.trim());
        if (parsed == null) {
            errors.add(new FieldError(field, "'" + value + "' is not an ISO date (2024-01-01) or date-time (2024-01-01T00:00:00Z)"));
            return null;
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            errors.add(new FieldError(field, "must lie between 1970 and 2100"));
            return null;
        }
        return parsed;
    }

    private static Instant tryParse(String value) {
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a plain date; try the date-time forms
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset; try a local date-time, read as UTC
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

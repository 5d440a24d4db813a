package io.tapecast.worker.paper;

import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Paper trading, under {@code tapecast.paper}: off unless {@code enabled}; one trader per account.
 *
 * @param enabled           run the accounts (default false)
 * @param accounts          the paper accounts
 * @param groupPrefix       consumer group and transactional id of an account: this prefix + the account id
 * @param pollTimeout       how long one poll of {@code market.events} waits
 * @param restartBackoff    wait before an account that failed (broker unreachable) is rebuilt and resumed
 */
@ConfigurationProperties("tapecast.paper")
public record PaperSettings(boolean enabled, List<Account> accounts, String groupPrefix, Duration pollTimeout,
                            Duration restartBackoff) {

    public static final String DEFAULT_GROUP_PREFIX = "tapecast-paper-";

    public PaperSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        groupPrefix = groupPrefix == null || groupPrefix.isBlank() ? DEFAULT_GROUP_PREFIX : groupPrefix.trim();
        pollTimeout = pollTimeout == null ? Duration.ofMillis(200) : pollTimeout;
        restartBackoff = restartBackoff == null ? Duration.ofSeconds(2) : restartBackoff;
        if (new HashSet<>(accounts.stream().map(Account::id).toList()).size() != accounts.size()) {
            throw new IllegalArgumentException("tapecast.paper.accounts: account ids must be unique");
        }
        if (enabled && accounts.isEmpty()) {
            throw new IllegalArgumentException("tapecast.paper.enabled=true needs at least one tapecast.paper.accounts[i]");
        }
    }

    /**
     * One paper account. The capital is split evenly over symbols × strategies: each strategy trades each symbol
     * with its own sub-portfolio, exactly as strategies run side by side in a backtest.
     *
     * @param id               account id: the {@code trading.events} key and {@code stream_id}; letters, digits, - and _
     * @param symbols          symbols to trade, e.g. BTC-USD, ETH-USD
     * @param timeframe        the driving timeframe whose closed candles are consumed (default 1m)
     * @param higherTimeframes optional coarser timeframes, built from the driving candles as in a backtest
     * @param strategies       strategy ids of the engine's catalog
     * @param params           per-strategy parameter overrides ({@code params.<strategy>.<param>})
     * @param initialCapital   starting cash (default 10000)
     * @param feeBps           commission per fill, bps of the traded value (default 0)
     * @param slippageBps      adverse price move per fill, bps (default 0)
     * @param positionSize     fraction of a sub-portfolio's equity per entry, (0, 1] (default 1)
     * @param wholeUnits       size in whole units (default false)
     * @param fill             next_open (default) or close
     * @param startFrom        where an account without committed state starts: latest (default: candles from now
     *                         on) or earliest (everything retained in market.events)
     */
    public record Account(String id, List<String> symbols, String timeframe, List<String> higherTimeframes,
                          List<String> strategies, Map<String, Map<String, Double>> params, Double initialCapital,
                          Double feeBps, Double slippageBps, Double positionSize, Boolean wholeUnits, String fill,
                          String startFrom) {

        private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

        public Account {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("tapecast.paper.accounts[].id must be 1-64 letters, digits, - or _, was '" + id + "'");
            }
            String where = "tapecast.paper.accounts[" + id + "]";
            if (symbols == null || symbols.isEmpty()) {
                throw new IllegalArgumentException(where + ".symbols must list at least one symbol");
            }
            symbols = symbols.stream().map(String::trim).distinct().toList();
            symbols.forEach(Symbols::requireValid);
            timeframe = timeframe == null || timeframe.isBlank() ? "1m" : timeframe.trim();
            Timeframe.parse(timeframe);
            higherTimeframes = higherTimeframes == null ? List.of() : higherTimeframes.stream().map(String::trim).toList();
            higherTimeframes.forEach(Timeframe::parse);
            if (strategies == null || strategies.isEmpty()) {
                throw new IllegalArgumentException(where + ".strategies must list at least one strategy");
            }
            strategies = strategies.stream().map(String::trim).toList();
            Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
            if (params != null) {
                params.forEach((k, v) -> copy.put(k, v == null ? Map.of() : Map.copyOf(v)));
            }
            params = Map.copyOf(copy);
            initialCapital = initialCapital == null ? EngineOptions.DEFAULT_CAPITAL : initialCapital;
            feeBps = feeBps == null ? 0.0 : feeBps;
            slippageBps = slippageBps == null ? 0.0 : slippageBps;
            positionSize = positionSize == null ? 1.0 : positionSize;
            wholeUnits = wholeUnits != null && wholeUnits;
            fill = fill == null || fill.isBlank() ? FillMode.NEXT_OPEN.wireName() : fill.trim();
            FillMode.fromWireName(fill);
            startFrom = startFrom == null || startFrom.isBlank() ? "latest" : startFrom.trim().toLowerCase(Locale.ROOT);
            if (!startFrom.equals("latest") && !startFrom.equals("earliest")) {
                throw new IllegalArgumentException(where + ".start-from must be latest or earliest");
            }
            options(initialCapital, feeBps, slippageBps, positionSize, wholeUnits, fill); // validates
        }

        /** An account with the default costs and sizing. */
        public static Account of(String id, List<String> symbols, String timeframe, List<String> strategies,
                                 Map<String, Map<String, Double>> params, double initialCapital, double feeBps) {
            return new Account(id, symbols, timeframe, List.of(), strategies, params, initialCapital, feeBps, null,
                    null, null, null, null);
        }

        public Timeframe drivingTimeframe() {
            return Timeframe.parse(timeframe);
        }

        public List<Timeframe> higher() {
            return higherTimeframes.stream().map(Timeframe::parse).toList();
        }

        public EngineOptions options() {
            return options(initialCapital, feeBps, slippageBps, positionSize, wholeUnits, fill);
        }

        public boolean startFromEarliest() {
            return startFrom.equals("earliest");
        }

        /** Each (symbol, strategy) sub-portfolio's starting cash. */
        public double capitalPerBook() {
            return initialCapital / (symbols.size() * strategies.size());
        }

        private static EngineOptions options(double capital, double fee, double slippage, double size, boolean whole,
                                             String fill) {
            return new EngineOptions(capital, fee, slippage, size, whole, FillMode.fromWireName(fill), false, null, 0);
        }
    }
}

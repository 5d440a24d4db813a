package io.tapecast.worker.paper;

import io.tapecast.engine.backtest.Fill;
import io.tapecast.engine.backtest.LiveBook;
import io.tapecast.engine.backtest.LivePosition;
import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.trading.OrderEvent;
import io.tapecast.schemas.trading.PnlEvent;
import io.tapecast.schemas.trading.PositionEvent;
import io.tapecast.schemas.trading.RiskEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One paper account, without any I/O: closed driving candles in, live-trading payloads out. Deterministic: the
 * output depends only on each symbol's sequence of candles, never on how the symbols' candles interleave on arrival,
 * so replaying the same candles rebuilds the same account (the restart model of {@link PaperTrader}).
 * <p>
 * <strong>Candle time barrier.</strong> Candles are processed in candle-time order across symbols: the candles of
 * time T are processed (symbols in configured order) once every symbol of the account has delivered a candle of time
 * T or later; a symbol without a candle at T (a gap) is simply skipped at T. Until every symbol has delivered its
 * first candle, nothing is processed — an account must list symbols the feed produces. A candle not later than its
 * symbol's previous one (a repeat) is ignored.
 * <p>
 * <strong>Events for a time T</strong>, in order: per symbol, an {@code order} per fill, then a {@code position} per
 * strategy that had fills (marked at the close); then one {@code pnl} and one {@code risk} for the account marked at
 * the closes of T (symbols without a candle at T at their last close).
 */
public final class PaperAccount {

    /** A payload and the symbol it belongs to (null for account-level payloads). */
    public record Output(String symbol, Payload payload) {
    }

    private final PaperSettings.Account config;
    private final Map<String, LiveBook> books = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Candle>> queues = new LinkedHashMap<>();
    private final Map<String, Instant> latest = new LinkedHashMap<>();
    private final RiskMeter risk;
    private long orders;
    private long ignored;

    public PaperAccount(PaperSettings.Account config, StrategyCatalog catalog) {
        this.config = config;
        for (String symbol : config.symbols()) {
            books.put(symbol, new LiveBook(symbol, config.drivingTimeframe(), config.higher(), config.strategies(),
                    config.params(), config.options(), config.capitalPerBook(), catalog));
            queues.put(symbol, new ArrayDeque<>());
        }
        risk = new RiskMeter(config.initialCapital());
    }

    public String id() {
        return config.id();
    }

    public boolean trades(String symbol) {
        return books.containsKey(symbol);
    }

    /** Candles ignored as repeats (not later than their symbol's previous candle). */
    public long ignoredCandles() {
        return ignored;
    }

    /** Symbols that have not delivered any candle yet (they hold the account back). */
    public List<String> waitingFor() {
        return config.symbols().stream().filter(s -> !latest.containsKey(s)).toList();
    }

    /**
     * Accepts a closed driving candle of one of the account's symbols and returns the payloads it releases (none
     * while another symbol is behind).
     */
    public List<Output> accept(String symbol, Candle candle) {
        ArrayDeque<Candle> queue = queues.get(symbol);
        if (queue == null) {
            throw new IllegalArgumentException("account " + config.id() + " does not trade " + symbol);
        }
        Instant last = latest.get(symbol);
        if (last != null && !candle.time().isAfter(last)) {
            ignored++;
            return List.of();
        }
        queue.addLast(candle);
        latest.put(symbol, candle.time());
        if (latest.size() < books.size()) {
            return List.of();
        }
        List<Output> out = new ArrayList<>();
        Instant barrier = latest.values().stream().min(Instant::compareTo).orElseThrow();
        while (true) {
            Instant t = null;
            for (ArrayDeque<Candle> q : queues.values()) {
                if (!q.isEmpty() && (t == null || q.peekFirst().time().isBefore(t))) {
                    t = q.peekFirst().time();
                }
            }
            if (t == null || t.isAfter(barrier)) {
                break;
            }
            process(t, out);
        }
        return out;
    }

    private void process(Instant t, List<Output> out) {
        for (Map.Entry<String, ArrayDeque<Candle>> entry : queues.entrySet()) {
            ArrayDeque<Candle> q = entry.getValue();
            if (q.isEmpty() || !q.peekFirst().time().equals(t)) {
                continue;
            }
            String symbol = entry.getKey();
            LiveBook book = books.get(symbol);
            List<Fill> fills = book.onClosedCandle(q.pollFirst());
            Set<String> touched = new LinkedHashSet<>();
            for (Fill fill : fills) {
                orders++;
                touched.add(fill.strategyId());
                out.add(new Output(symbol, new OrderEvent(config.id() + "-" + orders, fill.tradeId(), symbol,
                        fill.strategyId(), fill.side() == Fill.Side.BUY ? OrderEvent.Side.buy : OrderEvent.Side.sell,
                        fill.entry() ? OrderEvent.Action.entry : OrderEvent.Action.exit, fill.quantity(),
                        fill.price(), fill.fee(), fill.reason(), fill.time(), fill.pnl())));
            }
            for (String strategy : config.strategies()) {
                if (touched.contains(strategy)) {
                    LivePosition p = book.position(strategy);
                    out.add(new Output(symbol, new PositionEvent(symbol, strategy, p.quantity(),
                            p.isOpen() ? p.entryPrice() : null, p.marketPrice(), p.marketValue(), p.unrealizedPnl(),
                            p.realizedPnl(), t)));
                }
            }
        }
        mark(t, out);
    }

    private void mark(Instant t, List<Output> out) {
        double equity = 0;
        double cash = 0;
        double realized = 0;
        double unrealized = 0;
        double fees = 0;
        int open = 0;
        double gross = 0;
        double net = 0;
        String largestSymbol = null;
        double largest = 0;
        for (LiveBook book : books.values()) {
            double symbolGross = 0;
            for (LivePosition p : book.positions()) {
                equity += p.equity();
                cash += p.cash();
                realized += p.realizedPnl();
                unrealized += p.unrealizedPnl();
                fees += p.fees();
                if (p.isOpen()) {
                    open++;
                    symbolGross += Math.abs(p.marketValue());
                    net += p.marketValue();
                }
            }
            gross += symbolGross;
            if (symbolGross > largest) {
                largest = symbolGross;
                largestSymbol = book.symbol();
            }
        }
        double capital = config.initialCapital();
        double total = equity - capital;
        out.add(new Output(null, new PnlEvent(t, capital, equity, cash, realized, unrealized, total,
                total / capital * 100, fees, open, orders)));
        risk.mark(equity);
        double var = risk.var95();
        boolean hasVar = !Double.isNaN(var);
        double exposure = equity > 0 ? gross / equity : 0;
        double leverage = equity > 0 ? net / equity : 0;
        out.add(new Output(null, new RiskEvent(t, equity, gross, net, exposure, leverage, risk.peak(),
                risk.drawdownPct(), hasVar ? var : null, hasVar ? (equity > 0 ? var / equity * 100 : 0) : null,
                risk.windowSize(), largestSymbol, gross > 0 ? Math.min(1, largest / gross) : 0)));
    }
}

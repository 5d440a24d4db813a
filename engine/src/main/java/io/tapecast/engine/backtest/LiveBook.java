package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's fill, cost and stop model for live (incremental) use: one symbol, its strategies side by side as
 * separate sub-portfolios (each starting with {@code capitalPerStrategy}), fed one <em>closed</em> driving candle at
 * a time. Each candle runs exactly the backtest's per-candle procedure ({@link CandleProcedure}): the order a
 * signal left on candle t fills at candle t+1's open when t+1 arrives (fill {@code next_open}), stops and targets
 * are checked against t+1's range, higher-timeframe candles are built from the driving ones and shown to the
 * strategies once closed, and with fill {@code close} a signal fills at once at the close. There is no last candle,
 * so nothing is ever closed "at the end" ({@code close_at_end} is ignored).
 * <p>
 * Deterministic: the same candles give the same fills, so a book rebuilt by replaying its candles is the book it
 * was. Not thread-safe: feed it from one thread.
 */
public final class LiveBook {

    private final String symbol;
    private final Timeframe driving;
    private final boolean nextOpen;
    private final double capitalPerStrategy;
    private final SubPortfolio[] books;
    private final HigherTimeframeFeed[] feeds;
    private final List<Fill> candleFills = new ArrayList<>();
    private Candle last;

    /**
     * @param higher          higher timeframes to build from the driving candles (may be empty)
     * @param strategyParams  overrides per strategy id (missing ones take the defaults)
     * @param options         fill mode, fee, slippage, position size, whole units; the capital is
     *                        {@code capitalPerStrategy}, not {@code options.initialCapital}
     * @throws IllegalArgumentException for an unknown strategy, invalid parameters, a repeated strategy id or a
     *                                  higher timeframe not coarser than the driving one
     */
    public LiveBook(String symbol, Timeframe driving, List<Timeframe> higher, List<String> strategyIds,
                    Map<String, Map<String, Double>> strategyParams, EngineOptions options, double capitalPerStrategy,
                    StrategyCatalog catalog) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.driving = Objects.requireNonNull(driving, "driving");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(catalog, "catalog");
        if (strategyIds == null || strategyIds.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is required");
        }
        if (strategyIds.stream().distinct().count() != strategyIds.size()) {
            throw new IllegalArgumentException("strategy ids must not repeat: " + strategyIds);
        }
        if (!(capitalPerStrategy > 0) || Double.isInfinite(capitalPerStrategy)) {
            throw new IllegalArgumentException("capital per strategy must be a positive number");
        }
        this.nextOpen = options.fill() == FillMode.NEXT_OPEN;
        this.capitalPerStrategy = capitalPerStrategy;
        Map<String, Map<String, Double>> params = strategyParams == null ? Map.of() : strategyParams;
        books = new SubPortfolio[strategyIds.size()];
        for (int i = 0; i < books.length; i++) {
            String id = strategyIds.get(i);
            Map<String, Double> overrides = params.getOrDefault(id, Map.of());
            Map<String, Double> resolved = catalog.resolve(id, overrides);
            books[i] = new SubPortfolio(id, catalog.create(id, overrides), capitalPerStrategy, options,
                    resolved.get(StrategyCatalog.STOP_LOSS_PCT), resolved.get(StrategyCatalog.TAKE_PROFIT_PCT), 0,
                    candleFills::add);
        }
        List<Timeframe> higherList = higher == null ? List.of() : higher.stream().distinct().sorted().toList();
        feeds = new HigherTimeframeFeed[higherList.size()];
        for (int i = 0; i < feeds.length; i++) {
            Timeframe tf = higherList.get(i);
            if (tf.compareTo(driving) <= 0) {
                throw new IllegalArgumentException("higher timeframe " + tf.label() + " is not coarser than "
                        + driving.label());
            }
            feeds[i] = new HigherTimeframeFeed(tf, driving);
        }
    }

    public String symbol() {
        return symbol;
    }

    public Timeframe drivingTimeframe() {
        return driving;
    }

    /** The last candle applied; null before the first. */
    public Candle lastCandle() {
        return last;
    }

    /**
     * Applies one closed driving candle and returns the fills it caused, in order (an order left by the previous
     * candle's signal, then stops, then — with fill {@code close} — this candle's signal).
     *
     * @throws IllegalArgumentException when the candle is not later than the previous one
     */
    public List<Fill> onClosedCandle(Candle candle) {
        Objects.requireNonNull(candle, "candle");
        if (last != null && !candle.time().isAfter(last.time())) {
            throw new IllegalArgumentException(symbol + ": candle " + candle.time() + " is not after " + last.time());
        }
        candleFills.clear();
        CandleProcedure.apply(books, feeds, candle, nextOpen, false);
        last = candle;
        return List.copyOf(candleFills);
    }

    /** Every strategy's sub-portfolio marked at the last close (at its capital before the first candle). */
    public List<LivePosition> positions() {
        List<LivePosition> out = new ArrayList<>(books.length);
        for (SubPortfolio book : books) {
            out.add(position(book));
        }
        return out;
    }

    /** One strategy's sub-portfolio marked at the last close. */
    public LivePosition position(String strategyId) {
        for (SubPortfolio book : books) {
            if (book.strategyId().equals(strategyId)) {
                return position(book);
            }
        }
        throw new IllegalArgumentException("no strategy " + strategyId + " in the book of " + symbol);
    }

    private LivePosition position(SubPortfolio book) {
        double quantity = book.quantity();
        double price = last == null ? book.entryPrice() : last.close();
        double unrealized = quantity == 0 ? 0 : quantity * (price - book.entryPrice());
        double realized = book.closedPnl() - book.entryFee();
        return new LivePosition(book.strategyId(), capitalPerStrategy, quantity, book.entryPrice(), price,
                book.cash(), book.equity(price), realized, unrealized, book.fees(), book.openTradeId());
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.Strategy;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.BacktestMetrics;
import io.tapecast.schemas.backtest.EngineOptions;
import io.tapecast.schemas.backtest.FillMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs a backtest over the candles of the spec's driving (finest) timeframe in [from, to).
 * <p>
 * For each candle, in order (steps 1–3 are {@link CandleProcedure}, shared with live paper trading):
 * <ol>
 *   <li>fill {@code next_open}: the order left by the previous candle's signal fills at this candle's open;</li>
 *   <li>stop-loss / take-profit of open positions are checked against this candle's open, low and high (a
 *       position opened at this open is checked too: the whole range lies after its entry);</li>
 *   <li>higher-timeframe candles that have closed are delivered to the strategies
 *       ({@link Strategy#onHigherTimeframeCandle}), then each strategy sees the driving candle
 *       ({@link Strategy#onCandle}); with fill {@code close} its signal fills at once at this candle's close,
 *       with {@code next_open} it waits for the next candle (a signal on the last candle is never filled);</li>
 *   <li>on the last candle, with close_at_end, every open position is closed at the close
 *       ({@code "end_of_data"}) — and a close fill on that candle only closes, never opens;</li>
 *   <li>every sub-portfolio and the total are marked to market at the close and {@link BacktestListener#onCandle}
 *       is called (after the {@link BacktestListener#onFill} calls of that candle); then, if
 *       {@link BacktestListener#cancelRequested()}, the run stops.</li>
 * </ol>
 * Several strategies run side by side as separate sub-portfolios, each starting with initialCapital / n and
 * sharing the one pass over the data; the total's equity is their sum. Fills of one candle are reported in the
 * order of the spec's strategy ids.
 * <p>
 * The engine holds no state between runs and is deterministic: the same spec over the same candles gives the same
 * result (no wall clock, no hash-order iteration). Safe to share between threads; a run allocates nothing per
 * candle except fills and the higher-timeframe candles it delivers.
 */
public final class BacktestEngine {

    private final CandleSource source;
    private final StrategyCatalog catalog;

    public BacktestEngine(CandleSource source, StrategyCatalog catalog) {
        this.source = Objects.requireNonNull(source, "source");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * @throws IllegalArgumentException for an unknown strategy or invalid parameters (before any data is read),
     *                                  with messages starting {@code <strategy-id>.<param>}
     * @throws NoCandlesException       when the range holds no candle of the driving timeframe
     */
    public BacktestResult run(BacktestSpec spec, BacktestListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        List<Map<String, Double>> params = new ArrayList<>();
        List<Strategy> strategies = new ArrayList<>();
        for (String id : spec.strategyIds()) {
            params.add(catalog.resolve(id, spec.paramsFor(id)));
            strategies.add(catalog.create(id, spec.paramsFor(id)));
        }
        Timeframe timeframe = spec.drivingTimeframe();
        List<Candle> candles = source.candles(spec.symbol(), timeframe, spec.from(), spec.to());
        if (candles.isEmpty()) {
            throw new NoCandlesException(spec.symbol(), timeframe, spec.from(), spec.to());
        }
        return new Run(spec, listener, candles, strategies, params).execute();
    }

    /** One run's state; also the listener's {@link MetricsProbe}. */
    private static final class Run implements MetricsProbe {

        private final BacktestSpec spec;
        private final BacktestListener listener;
        private final List<Candle> candles;
        private final SubPortfolio[] books;
        private final EquityTracker total;
        private final HigherTimeframeFeed[] feeds;
        private final List<Fill> fills = new ArrayList<>();
        private final PortfolioSnapshot snapshot = new PortfolioSnapshot(this);
        private final long drivingSeconds;
        private final long firstTime;
        private final double firstOpen;
        private int processed;
        private long lastTime;
        private double lastClose;

        Run(BacktestSpec spec, BacktestListener listener, List<Candle> candles, List<Strategy> strategies,
            List<Map<String, Double>> params) {
            this.spec = spec;
            this.listener = listener;
            this.candles = candles;
            Candle first = candles.get(0);
            this.firstTime = first.time().getEpochSecond();
            this.firstOpen = first.open();
            this.drivingSeconds = spec.drivingTimeframe().duration().getSeconds();
            EngineOptions options = spec.options();
            int n = strategies.size();
            double share = options.initialCapital() / n;
            books = new SubPortfolio[n];
            for (int i = 0; i < n; i++) {
                Map<String, Double> p = params.get(i);
                books[i] = new SubPortfolio(spec.strategyIds().get(i), strategies.get(i), share, options,
                        p.get(StrategyCatalog.STOP_LOSS_PCT), p.get(StrategyCatalog.TAKE_PROFIT_PCT), firstTime,
                        this::record);
            }
            // With one strategy the total is that strategy's curve: no second mark per candle.
            total = n == 1 ? books[0].equity : new EquityTracker(options.initialCapital(), firstTime);
            List<Timeframe> higher = spec.higherTimeframes();
            feeds = new HigherTimeframeFeed[higher.size()];
            for (int i = 0; i < feeds.length; i++) {
                feeds[i] = new HigherTimeframeFeed(higher.get(i), spec.drivingTimeframe());
            }
        }

        private void record(Fill fill) {
            fills.add(fill);
            listener.onFill(fill);
        }

        BacktestResult execute() {
            int count = candles.size();
            boolean nextOpen = spec.options().fill() == FillMode.NEXT_OPEN;
            boolean closeAtEnd = spec.options().closeAtEnd();
            SubPortfolio[] books = this.books;
            HigherTimeframeFeed[] feeds = this.feeds;
            listener.onStart(count, candles.get(0).time(), this);
            boolean cancelled = false;
            for (int i = 0; i < count; i++) {
                Candle candle = candles.get(i);
                boolean last = i == count - 1;
                CandleProcedure.apply(books, feeds, candle, nextOpen, last && closeAtEnd);
                if (last && closeAtEnd) {
                    for (SubPortfolio book : books) {
                        book.closeAtEnd(candle);
                    }
                }
                mark(candle);
                processed = i + 1;
                listener.onCandle(processed, count, candle, snapshot);
                if (listener.cancelRequested()) {
                    cancelled = true;
                    break;
                }
            }
            Candle lastCandle = candles.get(processed - 1);
            return new BacktestResult(metricsSoFar(), strategyMetricsSoFar(), fills, processed,
                    candles.get(0).time(), lastCandle.time(), cancelled);
        }

        private void mark(Candle candle) {
            long time = candle.time().getEpochSecond();
            double close = candle.close();
            double equity = 0;
            double cash = 0;
            int closed = 0;
            int winning = 0;
            int open = 0;
            boolean exposed = false;
            for (SubPortfolio book : books) {
                book.mark(time, close);
                equity += book.equity(close);
                cash += book.cash();
                closed += book.trades.count();
                winning += book.trades.winning();
                if (book.isOpen()) {
                    open++;
                }
                exposed |= book.exposed();
            }
            if (books.length > 1) {
                total.mark(time, equity, exposed);
            }
            lastTime = time;
            lastClose = close;
            snapshot.update(candle.time(), equity, cash, total.peak(), total.drawdownPct(), closed, winning, open);
        }

        @Override
        public BacktestMetrics metricsSoFar() {
            TradeStats trades = new TradeStats();
            double fees = 0;
            for (SubPortfolio book : books) {
                trades.addAll(book.trades);
                fees += book.fees();
            }
            return metrics(total, trades, fees);
        }

        @Override
        public SortedMap<String, BacktestMetrics> strategyMetricsSoFar() {
            SortedMap<String, BacktestMetrics> out = new TreeMap<>();
            for (SubPortfolio book : books) {
                out.put(book.strategyId(), metrics(book.equity, book.trades, book.fees()));
            }
            return out;
        }

        private BacktestMetrics metrics(EquityTracker equity, TradeStats trades, double fees) {
            long span = processed == 0 ? 0 : lastTime + drivingSeconds - firstTime;
            double buyAndHold = processed == 0 ? 0 : (lastClose / firstOpen - 1) * 100;
            return MetricsCalculator.compute(equity, trades, fees, span, buyAndHold, spec.periodsPerYear(),
                    spec.options().riskFreeRate());
        }
    }
}

package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.backtest.BacktestMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a backtest over candles of the spec's driving timeframe in [from, to).
 * <p>
 * For each candle, in order:
 * <ol>
 *   <li>orders left by the previous candle's signals fill at <em>this</em> candle's open (market orders at
 *       the next open, so a strategy never trades at a price it used to decide);</li>
 *   <li>on the last candle only, every position still open is closed at its close with reason
 *       {@code "end_of_data"} — before the mark, so the last snapshot and the metrics both show the final,
 *       all-cash equity;</li>
 *   <li>the portfolio is marked to market at the close, the peak and drawdown updated, and
 *       {@link BacktestListener#onCandle} called (after the {@link BacktestListener#onFill} calls of that candle);</li>
 *   <li>each strategy sees the closed candle; its signal becomes an order for the next candle. A signal on the
 *       last candle is therefore never filled.</li>
 * </ol>
 * Several strategies run side by side as separate sub-portfolios, each starting with initialCapital / n of
 * the cash and sharing the one pass over the data; portfolio equity is their sum, and fills of one candle
 * are reported in the order of the spec's strategy ids.
 * <p>
 * Sizing is long-only and all-in with fractional units: an entry buys cash / (price × (1 + feeRate)) units,
 * feeRate = feeBps / 10,000, and each side pays price × quantity × feeRate. Signals that do not apply (enter
 * while long, exit while flat) are ignored.
 * <p>
 * Metrics: max drawdown is the lowest (equity / running peak − 1) × 100 over the closes, the peak starting at
 * the initial capital; win rate is winning closed trades (net pnl &gt; 0) over closed trades, 0 when there
 * are none; trade count counts round trips. The engine holds no state between runs and is deterministic:
 * the same spec over the same candles gives the same result. Safe to share between threads.
 */
public final class BacktestEngine {

    private final CandleSource source;
    private final StrategyCatalog catalog;

    public BacktestEngine(CandleSource source, StrategyCatalog catalog) {
        this.source = Objects.requireNonNull(source, "source");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * @throws IllegalArgumentException for an unknown strategy or invalid parameters (before any data is read)
     * @throws NoCandlesException       when the range holds no candle of the driving timeframe
     */
    public BacktestResult run(BacktestSpec spec, BacktestListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        List<SubPortfolio> books = openBooks(spec);
        Timeframe timeframe = spec.drivingTimeframe();
        List<Candle> candles = source.candles(spec.symbol(), timeframe, spec.from(), spec.to());
        if (candles.isEmpty()) {
            throw new NoCandlesException(spec.symbol(), timeframe, spec.from(), spec.to());
        }

        int total = candles.size();
        listener.onStart(total, candles.get(0).time());
        EquityCurve curve = new EquityCurve(spec.initialCapital());
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Candle candle = candles.get(i);
            boolean last = i == total - 1;
            for (SubPortfolio book : books) {
                book.fillPending(candle).ifPresent(fill -> record(fill, fills, listener));
            }
            if (last) {
                for (SubPortfolio book : books) {
                    if (book.isOpen()) {
                        record(book.closeAtEndOfData(candle), fills, listener);
                    }
                }
            }
            listener.onCandle(i + 1, total, candle, mark(books, candle, curve));
            for (SubPortfolio book : books) {
                book.observe(candle);
            }
        }
        return new BacktestResult(metrics(spec.initialCapital(), books, curve), fills, total,
                candles.get(0).time(), candles.get(total - 1).time());
    }

    private List<SubPortfolio> openBooks(BacktestSpec spec) {
        double share = spec.initialCapital() / spec.strategyIds().size();
        double feeRate = spec.feeBps() / 10_000;
        List<SubPortfolio> books = new ArrayList<>();
        for (String id : spec.strategyIds()) {
            books.add(new SubPortfolio(id, catalog.create(id, spec.paramsFor(id)), share, feeRate));
        }
        return books;
    }

    private static void record(Fill fill, List<Fill> fills, BacktestListener listener) {
        fills.add(fill);
        listener.onFill(fill);
    }

    private static PortfolioSnapshot mark(List<SubPortfolio> books, Candle candle, EquityCurve curve) {
        double equity = 0;
        double cash = 0;
        int closed = 0;
        int winning = 0;
        int open = 0;
        for (SubPortfolio book : books) {
            equity += book.equity(candle.close());
            cash += book.cash();
            closed += book.closedTrades();
            winning += book.winningTrades();
            open += book.isOpen() ? 1 : 0;
        }
        curve.mark(equity);
        return new PortfolioSnapshot(candle.time(), equity, cash, curve.peak(), curve.drawdownPct(), closed, winning,
                open);
    }

    private static BacktestMetrics metrics(double initialCapital, List<SubPortfolio> books, EquityCurve curve) {
        double finalEquity = 0;
        double fees = 0;
        int trades = 0;
        int winning = 0;
        for (SubPortfolio book : books) {
            // Every position was closed on the last candle, so equity is cash.
            finalEquity += book.cash();
            fees += book.fees();
            trades += book.closedTrades();
            winning += book.winningTrades();
        }
        double winRate = trades == 0 ? 0 : 100.0 * winning / trades;
        return new BacktestMetrics(initialCapital, finalEquity, finalEquity - initialCapital,
                (finalEquity / initialCapital - 1) * 100, curve.maxDrawdownPct(), winRate, trades, winning,
                trades - winning, fees);
    }
}

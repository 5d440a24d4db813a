package io.tapecast.engine.backtest;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.strategy.Signal;

/**
 * The per-candle procedure shared by a backtest ({@link BacktestEngine}) and live paper trading ({@link LiveBook}),
 * so both fill, stop and signal exactly alike. For one driving candle, in order:
 * <ol>
 *   <li>each book starts the candle and, with fill {@code next_open}, fills the order its strategy left on the
 *       previous candle at this candle's open;</li>
 *   <li>stop-loss / take-profit against this candle's open, low and high;</li>
 *   <li>higher-timeframe candles that have closed go to the strategies;</li>
 *   <li>each strategy sees the candle: with {@code next_open} its signal waits for the next candle, with
 *       {@code close} it fills at once at this candle's close (closing only when {@code closeOnly}).</li>
 * </ol>
 * Marking to market is left to the caller. Allocates nothing except fills and delivered higher-timeframe candles.
 */
final class CandleProcedure {

    private CandleProcedure() {
    }

    /**
     * @param closeOnly with fill {@code close}: a signal may close a position but not open one (the last candle of a
     *                  backtest that closes at the end)
     */
    static void apply(SubPortfolio[] books, HigherTimeframeFeed[] feeds, Candle candle, boolean nextOpen,
                      boolean closeOnly) {
        for (SubPortfolio book : books) {
            book.beginCandle();
            if (nextOpen) {
                book.fillPendingAtOpen(candle);
            }
            book.checkExits(candle);
        }
        for (HigherTimeframeFeed feed : feeds) {
            feed.accept(candle, books);
        }
        for (SubPortfolio book : books) {
            Signal signal = book.strategy().onCandle(candle);
            if (nextOpen) {
                book.setPending(signal);
            } else if (signal != Signal.NONE) {
                book.execute(signal, candle.time(), candle.close(), !closeOnly);
            }
        }
    }
}

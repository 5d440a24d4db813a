package io.tapecast.benchmarks;

/**
 * The ceiling: {@code sma-crossover} over {@code double[]} opens and closes with no objects, no listener and no
 * indirection, doing the same work per candle as the engine with default options:
 * <ol>
 *   <li>the previous candle's signal fills at this candle's open (all-in, fractional units, fee on both sides);</li>
 *   <li>on the last candle an open position is closed at the close;</li>
 *   <li>equity is marked to market at the close, with running peak and worst drawdown;</li>
 *   <li>the fast and slow SMAs of the close are updated and compared; a cross becomes the pending signal.</li>
 * </ol>
 * The arithmetic mirrors the engine's on purpose, so that both make the same decisions bit for bit: the SMAs
 * are rolling sums re-summed from their window every {@code period} values (as the engine's
 * {@code SimpleMovingAverage} does), and "fast equals slow" means a relative difference within 1e-10 (as in
 * {@code SmaCrossover}). {@code BareLoopAgreementTest} checks the trade count and final equity against the
 * engine over the benchmark's candles; {@link BacktestBenchmarks} checks the trade count again in its setup.
 */
public final class BareLoop {

    private static final double RELATIVE_TOLERANCE = 1e-10;

    private BareLoop() {
    }

    /** Round trips (including one closed at the end), the winners among them, and the equity figures. */
    public record Result(int trades, int winningTrades, double finalEquity, double maxDrawdownPct) {
    }

    public static Result run(double[] open, double[] close, int fast, int slow, double initialCapital, double feeBps) {
        int n = close.length;
        if (open.length != n || n == 0) {
            throw new IllegalArgumentException("open and close must be non-empty and of the same length");
        }
        if (fast < 1 || slow <= fast) {
            throw new IllegalArgumentException("need 1 <= fast < slow");
        }
        double feeRate = feeBps / 10_000;

        double cash = initialCapital;
        boolean inPosition = false;
        double quantity = 0;
        double entryPrice = 0;
        double entryFee = 0;
        int trades = 0;
        int winning = 0;
        int pending = 0; // +1 enter long, -1 exit long, 0 nothing
        double peak = initialCapital;
        double maxDrawdownPct = 0;

        double fastSum = 0;
        double slowSum = 0;
        int fastUntilResum = fast;
        int slowUntilResum = slow;
        int previousSide = 0;
        boolean havePrevious = false;

        for (int i = 0; i < n; i++) {
            // 1. the order left by the previous candle fills at this open
            if (pending > 0 && !inPosition) {
                double price = open[i];
                quantity = cash / (price * (1 + feeRate));
                double value = price * quantity;
                double fee = value * feeRate;
                cash -= value + fee;
                entryPrice = price;
                entryFee = fee;
                inPosition = true;
            } else if (pending < 0 && inPosition) {
                double value = open[i] * quantity;
                double fee = value * feeRate;
                double pnl = (value - fee) - (entryPrice * quantity + entryFee);
                cash += value - fee;
                trades++;
                winning += pnl > 0 ? 1 : 0;
                quantity = 0;
                inPosition = false;
            }
            pending = 0;
            double c = close[i];
            // 2. the last candle closes what is still open, at its close
            if (i == n - 1 && inPosition) {
                double value = c * quantity;
                double fee = value * feeRate;
                double pnl = (value - fee) - (entryPrice * quantity + entryFee);
                cash += value - fee;
                trades++;
                winning += pnl > 0 ? 1 : 0;
                quantity = 0;
                inPosition = false;
            }
            // 3. mark to market
            double equity = cash + quantity * c;
            peak = Math.max(peak, equity);
            maxDrawdownPct = Math.min(maxDrawdownPct, (equity / peak - 1) * 100);

            // 4. the strategy sees the closed candle
            if (i >= fast) {
                fastSum -= close[i - fast];
            }
            fastSum += c;
            if (--fastUntilResum == 0) {
                fastUntilResum = fast;
                fastSum = sum(close, i - fast + 1, i);
            }
            if (i >= slow) {
                slowSum -= close[i - slow];
            }
            slowSum += c;
            if (--slowUntilResum == 0) {
                slowUntilResum = slow;
                slowSum = sum(close, i - slow + 1, i);
            }
            if (i >= slow - 1) {
                double f = fastSum / fast;
                double s = slowSum / slow;
                double tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(f), Math.abs(s));
                double diff = f - s;
                int side = diff > tolerance ? 1 : diff < -tolerance ? -1 : 0;
                if (havePrevious) {
                    if (previousSide < 0 && side > 0) {
                        pending = 1;
                    } else if (previousSide > 0 && side < 0) {
                        pending = -1;
                    }
                }
                previousSide = side;
                havePrevious = true;
            }
        }
        return new Result(trades, winning, cash, maxDrawdownPct);
    }

    /** values[from..to], summed in order from 0, as the engine re-sums its window. */
    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int k = from; k <= to; k++) {
            s += values[k];
        }
        return s;
    }
}

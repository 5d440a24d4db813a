package io.tapecast.engine.backtest;

import io.tapecast.schemas.backtest.BacktestMetrics;

/** Turns an equity curve and its closed trades into {@link BacktestMetrics}; the formulas are in the README. */
final class MetricsCalculator {

    static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    private MetricsCalculator() {
    }

    /**
     * @param spanSeconds   simulated time covered: first candle's open to the last processed candle's close
     * @param buyAndHoldPct (last close / first open − 1) × 100 of the processed driving candles
     */
    static BacktestMetrics compute(EquityTracker equity, TradeStats trades, double fees, long spanSeconds,
                                   double buyAndHoldPct, int periodsPerYear, double riskFreeRate) {
        double initial = equity.initialCapital();
        double finalEquity = equity.last();
        double maxDrawdown = equity.maxDrawdownPct();

        Double cagr = cagrPct(initial, finalEquity, spanSeconds);
        double[] daily = equity.dailyReturns();
        double riskFreePerPeriod = Math.pow(1 + riskFreeRate, 1.0 / periodsPerYear) - 1;
        Double sharpe = sharpe(daily, riskFreePerPeriod, periodsPerYear);
        Double sortino = sortino(daily, riskFreePerPeriod, periodsPerYear);
        Double calmar = cagr != null && maxDrawdown < 0 ? finite(cagr / -maxDrawdown) : null;

        int n = trades.count();
        double grossProfit = 0;
        double grossLoss = 0;
        double pnlSum = 0;
        double returnSum = 0;
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        double durationSum = 0;
        for (int i = 0; i < n; i++) {
            double pnl = trades.pnl(i);
            if (pnl > 0) {
                grossProfit += pnl;
            } else {
                grossLoss -= pnl;
            }
            pnlSum += pnl;
            double r = trades.returnPct(i);
            returnSum += r;
            best = Math.max(best, r);
            worst = Math.min(worst, r);
            durationSum += trades.durationSeconds(i);
        }
        Double profitFactor = grossLoss > 0 ? finite(grossProfit / grossLoss) : null;
        Double expectancy = n > 0 ? finite(pnlSum / n) : null;
        Double sqn = null;
        if (n >= 2) {
            double mean = pnlSum / n;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double d = trades.pnl(i) - mean;
                sq += d * d;
            }
            double std = Math.sqrt(sq / (n - 1));
            sqn = std > 0 ? finite(Math.sqrt(n) * mean / std) : null;
        }
        double winRate = n > 0 ? 100.0 * trades.winning() / n : 0;
        double exposure = equity.marks() > 0 ? 100.0 * equity.exposedCandles() / equity.marks() : 0;

        return new BacktestMetrics(initial, finalEquity, finalEquity - initial, (finalEquity / initial - 1) * 100,
                cagr, maxDrawdown, equity.maxDrawdownSeconds() / 86_400.0, sharpe, sortino, calmar, winRate, n,
                trades.winning(), trades.losing(), profitFactor, expectancy, sqn,
                n > 0 ? finite(returnSum / n) : null, n > 0 ? best : null, n > 0 ? worst : null,
                n > 0 ? durationSum / n / 3_600 : null, exposure, fees, buyAndHoldPct);
    }

    static Double cagrPct(double initial, double finalEquity, long spanSeconds) {
        if (spanSeconds <= 0) {
            return null;
        }
        if (finalEquity <= 0) {
            return -100.0;
        }
        double years = spanSeconds / SECONDS_PER_YEAR;
        return finite((Math.pow(finalEquity / initial, 1 / years) - 1) * 100);
    }

    /** mean(r − rf) / std(r) × √P, sample std (ddof 1); null with fewer than 2 returns or no deviation. */
    static Double sharpe(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        int n = returns.length;
        if (n < 2) {
            return null;
        }
        double mean = mean(returns);
        double sq = 0;
        for (double r : returns) {
            sq += (r - mean) * (r - mean);
        }
        double std = Math.sqrt(sq / (n - 1));
        return std > 0 ? finite((mean - riskFreePerPeriod) / std * Math.sqrt(periodsPerYear)) : null;
    }

    /** mean(r − rf) / √(Σ min(r − rf, 0)² / N) × √P over all N returns; null without downside. */
    static Double sortino(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        int n = returns.length;
        if (n < 1) {
            return null;
        }
        double downside = 0;
        for (double r : returns) {
            double excess = Math.min(r - riskFreePerPeriod, 0);
            downside += excess * excess;
        }
        double deviation = Math.sqrt(downside / n);
        return deviation > 0 ? finite((mean(returns) - riskFreePerPeriod) / deviation * Math.sqrt(periodsPerYear))
                : null;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

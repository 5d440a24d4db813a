package io.tapecast.engine.backtest;

import java.util.Arrays;

/** The closed trades of a sub-portfolio (or several, merged): their net P&amp;L, return and duration. */
final class TradeStats {

    private double[] pnls = new double[16];
    private double[] returnPcts = new double[16];
    private long[] durations = new long[16];
    private int count;
    private int winning;
    private int losing;

    void add(double pnl, double returnPct, long durationSeconds) {
        if (count == pnls.length) {
            pnls = Arrays.copyOf(pnls, count * 2);
            returnPcts = Arrays.copyOf(returnPcts, count * 2);
            durations = Arrays.copyOf(durations, count * 2);
        }
        pnls[count] = pnl;
        returnPcts[count] = returnPct;
        durations[count] = durationSeconds;
        count++;
        if (pnl > 0) {
            winning++;
        } else if (pnl < 0) {
            losing++;
        }
    }

    void addAll(TradeStats other) {
        for (int i = 0; i < other.count; i++) {
            add(other.pnls[i], other.returnPcts[i], other.durations[i]);
        }
    }

    int count() {
        return count;
    }

    int winning() {
        return winning;
    }

    int losing() {
        return losing;
    }

    double pnl(int i) {
        return pnls[i];
    }

    double returnPct(int i) {
        return returnPcts[i];
    }

    long durationSeconds(int i) {
        return durations[i];
    }
}

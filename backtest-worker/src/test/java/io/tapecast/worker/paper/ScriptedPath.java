package io.tapecast.worker.paper;

import io.tapecast.engine.market.Candle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scripted price path of the paper-trading tests, with its hand-computed result. sma-crossover with fast 1 and
 * slow 2 compares each close with the mean of it and the previous close, so it signals ENTER_LONG on the first up
 * close after a down close and EXIT_LONG on the first down close after an up close.
 *
 * <pre>
 *  i  BTC-USD open→close  signal          fill (next open)        ETH-USD (always up: no signal)
 *  0  100 → 100
 *  1  100 →  99           (first defined)
 *  2   99 → 101           ENTER_LONG
 *  3  102 → 104                           buy  u1 at 102
 *  4  104 → 103           EXIT_LONG
 *  5  101 → 105           ENTER_LONG      sell u1 at 101
 *  6  106 → 107                           buy  u2 at 106
 *  7  107 → 108           (open: u2 marked at 108)
 * </pre>
 * Capital 10,000 over 2 symbols × 1 strategy = 5,000 per book, fee 10 bps, no slippage.
 */
public final class ScriptedPath {

    public static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    public static final double CAPITAL = 10_000;
    public static final double BOOK = 5_000;
    public static final double FEE = 0.001;
    public static final double[][] BTC = {{100, 100}, {100, 99}, {99, 101}, {102, 104}, {104, 103}, {101, 105},
            {106, 107}, {107, 108}};
    public static final double[][] ETH = {{50, 50}, {50, 51}, {51, 52}, {52, 53}, {53, 54}, {54, 55}, {55, 56},
            {56, 57}};

    public static final double U1 = BOOK / (102 * (1 + FEE));
    public static final double FEE1 = 102 * U1 * FEE;
    public static final double FEE2 = 101 * U1 * FEE;
    public static final double PNL1 = (101 - 102) * U1 - FEE1 - FEE2;
    public static final double U2 = (BOOK + PNL1) / (106 * (1 + FEE));
    public static final double FEE3 = 106 * U2 * FEE;
    /** At the close of candle 7 (108). */
    public static final double FINAL_UNREALIZED = U2 * (108 - 106);
    public static final double FINAL_REALIZED = PNL1 - FEE3;
    public static final double FINAL_EQUITY = CAPITAL + FINAL_REALIZED + FINAL_UNREALIZED;
    public static final double FINAL_CASH = BOOK + PNL1 - FEE3 - U2 * 106 + BOOK;

    private ScriptedPath() {
    }

    public static Candle candle(double[][] path, int i) {
        double open = path[i][0];
        double close = path[i][1];
        return new Candle(T0.plusSeconds(60L * i), open, Math.max(open, close), Math.min(open, close), close, 1);
    }

    public static List<Candle> candles(double[][] path) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < path.length; i++) {
            out.add(candle(path, i));
        }
        return out;
    }

    public static PaperSettings.Account account(String id) {
        return PaperSettings.Account.of(id, List.of("BTC-USD", "ETH-USD"), "1m", List.of("sma-crossover"),
                Map.of("sma-crossover", Map.of("fast", 1.0, "slow", 2.0)), CAPITAL, 10);
    }
}

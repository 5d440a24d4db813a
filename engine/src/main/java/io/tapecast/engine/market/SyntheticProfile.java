package io.tapecast.engine.market;

import java.nio.charset.StandardCharsets;

/**
 * The character of one synthetic symbol, derived only from its name: a long-run price level, a daily
 * volatility (of log returns) and a typical daily volume in units.
 */
record SyntheticProfile(long seed, double level, double dailyVolatility, double dailyVolume) {

    SyntheticProfile {
        if (!(level > 0) || !(dailyVolatility > 0) || !(dailyVolume > 0)) {
            throw new IllegalArgumentException("level, volatility and volume must be positive");
        }
    }

    static SyntheticProfile of(String symbol) {
        long seed = fnv1a64(symbol);
        double u1 = unit(seed, 1);
        double u2 = unit(seed, 2);
        double u3 = unit(seed, 3);
        String base = symbol.split("[-/]", 2)[0];
        switch (base) {
            case "BTC":
                return new SyntheticProfile(seed, logUniform(28_000, 42_000, u1), 0.03 + 0.01 * u2,
                        15_000 + 20_000 * u3);
            case "ETH":
                return new SyntheticProfile(seed, logUniform(1_300, 2_400, u1), 0.04 + 0.01 * u2,
                        250_000 + 400_000 * u3);
            default:
                double level = logUniform(10, 500, u1);
                // Dollar volume between 50M and 500M a day reads like a liquid stock.
                return new SyntheticProfile(seed, level, 0.01 + 0.02 * u2, logUniform(5e7, 5e8, u3) / level);
        }
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike relying on an unspecified hash. */
    static long fnv1a64(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static double unit(long seed, int salt) {
        return (SplitMix64.mix64(seed + salt * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }

    private static double logUniform(double lo, double hi, double u) {
        return StrictMath.exp(StrictMath.log(lo) + u * (StrictMath.log(hi) - StrictMath.log(lo)));
    }
}

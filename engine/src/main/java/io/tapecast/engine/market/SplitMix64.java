package io.tapecast.engine.market;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny PRNG whose whole output is a fixed function of its seed.
 * Used instead of {@link java.util.Random} so the synthetic market is specified by this file alone, and
 * with {@link StrictMath} so the Gaussian draws are bit-identical on every JVM and CPU.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 output function; also a good general-purpose 64-bit hash finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Standard normal by Marsaglia's polar method: two draws per accepted pair and no trigonometry, which
     * matters because {@link StrictMath} functions are not intrinsified.
     */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double x;
        double y;
        double s;
        do {
            x = 2 * nextDouble() - 1;
            y = 2 * nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = y * scale;
        hasSpare = true;
        return x * scale;
    }
}

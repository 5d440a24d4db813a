package io.tapecast.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link BacktestBenchmarks} (a, b and c) in one go and prints candles/s for each, the ratios b/a and c/b,
 * and whether the targets of issue 3 are met. Takes the usual JMH command line options, which override the
 * defaults on the benchmark class, e.g.
 * <pre>java -cp benchmarks/target/benchmarks.jar io.tapecast.benchmarks.BenchmarkReport -f 1 -wi 3 -i 5 -rf json</pre>
 */
public final class BenchmarkReport {

    /** Issue 3: the engine alone, on one core. */
    static final double ENGINE_TARGET_CANDLES_PER_SECOND = 5_000_000;
    /** Issue 3: publishing may cost at most half of the engine's speed at the default event cadence. */
    static final double PUBLISHING_TARGET_RATIO = 0.5;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(BacktestBenchmarks.class.getName() + "\\.");
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        Map<String, Result<?>> byMethod = new LinkedHashMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1), run.getPrimaryResult());
        }
        System.out.println(summary(byMethod));
        System.out.printf(Locale.ROOT, "  machine: %d cores, %s %s (%s), load average %.2f before, %.2f after%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"), loadBefore, loadAfter);
    }

    static String summary(Map<String, Result<?>> byMethod) {
        Double a = candlesPerSecond(byMethod.get("a_bareLoop"));
        Double b = candlesPerSecond(byMethod.get("b_engine"));
        Double c = candlesPerSecond(byMethod.get("c_engineWithKafka"));
        Double c0 = candlesPerSecond(byMethod.get("c0_engineWithWorkerNoBroker"));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nTapecast backtest speed: %,d 1m candles per run, sma-crossover with"
                + " default params and engine options%n", BenchmarkData.CANDLES));
        out.append(line("(a) bare double[] loop (ceiling)", a, byMethod.get("a_bareLoop")));
        out.append(line("(b) engine, no-op listener", b, byMethod.get("b_engine")));
        out.append(line("(c) engine + worker -> in-JVM Kafka", c, byMethod.get("c_engineWithKafka")));
        if (byMethod.containsKey("c0_engineWithWorkerNoBroker")) {
            out.append(line("(c0) diagnostic: (c) with no broker", c0, byMethod.get("c0_engineWithWorkerNoBroker")));
        }
        out.append(String.format(Locale.ROOT, "  b/a = %s   c/b = %s", ratio(b, a), ratio(c, b)));
        out.append(c0 == null ? String.format("%n") : String.format(Locale.ROOT, "   (c0/b = %s)%n", ratio(c0, b)));
        out.append(String.format(Locale.ROOT, "  target (b) >= %,.0f candles/s: %s%n", ENGINE_TARGET_CANDLES_PER_SECOND,
                b == null ? "not measured" : b >= ENGINE_TARGET_CANDLES_PER_SECOND ? "MET" : "MISSED"));
        out.append(String.format(Locale.ROOT, "  target c/b >= %.1f: %s%n", PUBLISHING_TARGET_RATIO,
                b == null || c == null ? "not measured" : c / b >= PUBLISHING_TARGET_RATIO ? "MET" : "MISSED"));
        return out.toString();
    }

    private static String line(String label, Double candlesPerSecond, Result<?> result) {
        if (candlesPerSecond == null) {
            return String.format(Locale.ROOT, "  %-38s %18s%n", label, "not measured");
        }
        return String.format(Locale.ROOT, "  %-38s %,18.0f candles/s   (%.3f ± %.3f %s)%n", label, candlesPerSecond,
                result.getScore(), result.getScoreError(), result.getScoreUnit());
    }

    private static String ratio(Double x, Double y) {
        return x == null || y == null ? "n/a" : String.format(Locale.ROOT, "%.3f", x / y);
    }

    /** Candles per second from a JMH score in time per op ("ms/op") or ops per time ("ops/s"); one op = one run. */
    static Double candlesPerSecond(Result<?> result) {
        if (result == null || Double.isNaN(result.getScore())) {
            return null;
        }
        String unit = result.getScoreUnit();
        double score = result.getScore();
        if (unit.endsWith("/op")) {
            return BenchmarkData.CANDLES / (score * seconds(unit.substring(0, unit.length() - 3)));
        }
        if (unit.startsWith("ops/")) {
            return BenchmarkData.CANDLES * score / seconds(unit.substring(4));
        }
        throw new IllegalArgumentException("cannot convert a score in " + unit + " to candles/s");
    }

    private static double seconds(String unit) {
        switch (unit) {
            case "ns": return 1e-9;
            case "us": return 1e-6;
            case "ms": return 1e-3;
            case "s": return 1;
            case "min": return 60;
            case "hr": return 3600;
            case "day": return 86_400;
            default: throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }
}

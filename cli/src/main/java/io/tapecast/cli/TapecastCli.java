package io.tapecast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code tapecast}: the command-line client of the platform. {@code java -jar cli/target/tapecast-cli.jar --help}.
 */
@Command(name = "tapecast", mixinStandardHelpOptions = true, version = "tapecast 0.1.0",
        description = "Start, watch, replay and list backtests; watch market data and live trading.",
        footer = {"", ExitCodes.HELP, "",
                "Examples:",
                "  tapecast start -s BTC-USD -t 1h --from 2023-01-01 --to 2024-01-01 -S sma-crossover -p sma-crossover.fast=10 --watch",
                "  tapecast watch backtest_20240211_143022_k3x9qa",
                "  tapecast replay backtest_20240211_143022_k3x9qa --speed 10",
                "  tapecast watch backtest_20240211_143022_k3x9qa --json | jq -c 'select(.type==\"trade\")'",
                "  tapecast runs --status completed",
                "  tapecast market BTC-USD --timeframes 1m,1h",
                "  tapecast live --symbols BTC-USD,ETH-USD"})
public final class TapecastCli {

    /** Where commands write, and whether that is a terminal. */
    record Io(PrintStream out, PrintStream err, boolean terminal, HttpClient http) {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.console() != null, args));
    }

    /** Runs one command line; returns the exit code ({@link ExitCodes}). */
    public static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Io io = new Io(out, err, terminal, http);
        CommandLine commandLine = new CommandLine(new TapecastCli())
                .addSubcommand("start", new Commands.Start(io))
                .addSubcommand("watch", new Commands.Watch(io))
                .addSubcommand("replay", new Commands.Replay(io))
                .addSubcommand("runs", new Commands.Runs(io))
                .addSubcommand("market", new Commands.Market(io))
                .addSubcommand("live", new Commands.Live(io))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof InterruptedException) {
                        return ExitCodes.INTERRUPTED;
                    }
                    err.println("tapecast: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return e instanceof java.io.IOException ? ExitCodes.CONNECTION : ExitCodes.FAILED;
                });
        return commandLine.execute(args);
    }
}

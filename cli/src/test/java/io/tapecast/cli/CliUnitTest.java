package io.tapecast.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command-line parsing, the start request body, pacing and the exit codes, without a server. */
class CliUnitTest {

    private static Commands.Start parseStart(String... args) {
        Commands.Start start = new Commands.Start(new TapecastCli.Io(System.out, System.err, false, null));
        new CommandLine(start).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return start;
    }

    @Test
    void startBuildsTheRequestBodyFromTheFlags() {
        ObjectNode body = parseStart("-s", "BTC-USD", "-t", "1h,4h", "--from", "2023-01-01", "--to", "2024-01-01",
                "-S", "sma-crossover", "-S", "rsi-reversion", "-p", "sma-crossover.fast=10", "-p", "sma-crossover.allow_short=true",
                "-p", "rsi-reversion.oversold=25.5", "--fee-bps", "10", "--capital", "5000", "--no-close-at-end",
                "--fill", "close", "--name", "my run").body();
        assertThat(body.toString()).isEqualTo("{\"name\":\"my run\",\"symbol\":\"BTC-USD\",\"timeframes\":[\"1h\",\"4h\"],"
                + "\"start_date\":\"2023-01-01\",\"end_date\":\"2024-01-01\",\"strategy_ids\":[\"sma-crossover\",\"rsi-reversion\"],"
                + "\"params\":{\"sma-crossover\":{\"fast\":10,\"allow_short\":true},\"rsi-reversion\":{\"oversold\":25.5}},"
                + "\"initial_capital\":5000.0,\"fee_bps\":10.0,\"fill\":\"close\",\"close_at_end\":false}");
    }

    @Test
    void aMalformedParamIsAUsageError() {
        Commands.Start start = parseStart("-s", "X", "--from", "a", "--to", "b", "-S", "s", "-p", "fast=10");
        assertThatThrownBy(start::body).isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("STRATEGY.PARAM=VALUE");
    }

    @Test
    void usageErrorsExitWithTwoAndHelpWithZero() {
        assertThat(CliRun.of("start", "-s", "BTC-USD").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("start", "watch", "replay", "runs", "market", "live", "Exit codes");
        assertThat(CliRun.of("watch", "--help").out()).contains("--from-seq", "--json", "--token", "--url", "--no-color");
        assertThat(CliRun.of("replay", "x", "--speed", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void nothingListeningIsAConnectionFailure() {
        CliRun run = CliRun.of("runs", "--url", "http://127.0.0.1:9");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        CliRun watch = CliRun.of("watch", "backtest_x", "--url", "http://127.0.0.1:9", "--max-retries", "1");
        assertThat(watch.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(watch.err()).contains("cannot connect").contains("gave up");
    }

    @Test
    void pacingFollowsTheTimestampsDividedByTheSpeed() {
        Pacer pacer = new Pacer(2, Duration.ofSeconds(10));
        Instant t0 = Instant.parse("2024-02-11T14:30:00Z");
        assertThat(pacer.delayMillis(t0)).isZero();
        assertThat(pacer.delayMillis(t0.plusMillis(1000))).isEqualTo(500);
        assertThat(pacer.delayMillis(t0.plusMillis(1000))).isZero(); // same time
        assertThat(pacer.delayMillis(t0.plusSeconds(3600))).isEqualTo(10_000); // capped
        assertThat(pacer.delayMillis(null)).isZero();

        Pacer asFastAsPossible = new Pacer(0, Duration.ofSeconds(10));
        asFastAsPossible.delayMillis(t0);
        assertThat(asFastAsPossible.delayMillis(t0.plusSeconds(5))).isZero();
    }

    @Test
    void wsUrlsFollowTheBaseUrl() {
        Common common = new Common();
        common.url = "https://tapecast.example.com/";
        assertThat(common.wsBase()).isEqualTo("wss://tapecast.example.com/");
        common.url = "localhost:8080";
        assertThat(common.wsBase()).isEqualTo("ws://localhost:8080/");
    }

    @Test
    void problemDetailsAreReadable() {
        String text = Api.describe(400, StreamClient.JSON.readTree("{\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"The request has 1 invalid field(s).\",\"errors\":[{\"field\":\"end_date\",\"message\":\"must be after start_date\"}]}"), "");
        assertThat(text).isEqualTo("HTTP 400 Invalid request: The request has 1 invalid field(s)." + System.lineSeparator()
                + "  end_date: must be after start_date");
    }

    @Test
    void exitCodesOfOutcomes() {
        assertThat(new StreamClient.Result(StreamClient.Outcome.COMPLETED, 1000, "", 5, 0).exitCode()).isZero();
        assertThat(new StreamClient.Result(StreamClient.Outcome.FAILED, 1000, "", 5, 0).exitCode()).isEqualTo(1);
        assertThat(new StreamClient.Result(StreamClient.Outcome.NOT_FOUND, 4404, "", 0, 0).exitCode()).isEqualTo(3);
        assertThat(new StreamClient.Result(StreamClient.Outcome.REFUSED, 4401, "", 0, 0).exitCode()).isEqualTo(4);
        assertThat(new StreamClient.Result(StreamClient.Outcome.GAVE_UP, -1, "", 0, 0).exitCode()).isEqualTo(4);
    }
}

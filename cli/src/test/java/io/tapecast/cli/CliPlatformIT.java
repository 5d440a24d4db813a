package io.tapecast.cli;

import io.tapecast.standalone.TapecastStandaloneApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against the real platform: the standalone (embedded Kafka broker, gateway, worker) on free ports and a
 * temporary data directory, driven through {@link TapecastCli#run} exactly as the jar's main method would.
 */
class CliPlatformIT {

    private static Path dataDir;
    private static ConfigurableApplicationContext platform;
    private static String url;
    private static int port;
    /** Security is on (as in every profile but the demo): every command carries --token. */
    private static final String TOKEN = TestTokens.token("cli-it");

    /** The CLI with --token appended. */
    private static CliRun cli(String... args) {
        String[] withToken = java.util.Arrays.copyOf(args, args.length + 2);
        withToken[args.length] = "--token";
        withToken[args.length + 1] = TOKEN;
        return CliRun.of(withToken);
    }

    @BeforeAll
    static void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("tapecast-cli-it-");
        platform = TapecastStandaloneApplication.run(
                "--tapecast.data-dir=" + dataDir,
                "--tapecast.broker.port=0",
                "--tapecast.broker.controller-port=0",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tapecast.security.jwt.hmac-secret=" + TestTokens.SECRET,
                "--tapecast.gateway.node-id=cli-it");
        port = Integer.parseInt(platform.getEnvironment().getProperty("local.server.port"));
        url = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String start(String... extra) {
        List<String> args = new ArrayList<>(List.of("start", "--url", url, "-s", "BTC-USD", "-t", "1h",
                "--from", "2023-01-01", "--to", "2023-04-01", "-S", "sma-crossover",
                "-p", "sma-crossover.fast=10", "-p", "sma-crossover.slow=30", "--fee-bps", "10"));
        args.addAll(List.of(extra));
        CliRun run = cli(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.lines().get(0);
    }

    /** Keeps an output under target/ for a reviewer (and the examples of docs/websocket-api.md). */
    private static void record(String name, String content) {
        try {
            Files.writeString(Path.of("target", name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> parseLines(CliRun run) {
        return run.lines().stream().map(line -> StreamClient.JSON.readTree(line)).toList();
    }

    private static List<Long> seqs(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.hasNonNull("seq")).map(m -> m.path("seq").asLong()).toList();
    }

    private static void assertContiguousFromOne(List<Long> seqs) {
        assertThat(seqs).isNotEmpty();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq #" + i).isEqualTo(i + 1L);
        }
    }

    @Test
    void startPrintsTheIdAndStreamUrlThenWatchFollowsTheRunToItsSummary() {
        CliRun started = cli("start", "--url", url, "-s", "BTC-USD", "-t", "1h", "--from", "2023-01-01",
                "--to", "2023-07-01", "-S", "sma-crossover", "-p", "sma-crossover.fast=10", "-p", "sma-crossover.slow=30");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        String id = started.lines().get(0);
        assertThat(id).matches("backtest_\\d{8}_\\d{6}_[a-z0-9]+");
        assertThat(started.lines().get(1)).isEqualTo("stream ws://127.0.0.1:" + port + "/api/ws/stream/backtest/" + id);

        CliRun watched = cli("watch", id, "--url", url);
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        String out = watched.out();
        assertThat(out).contains("● " + id);
        assertThat(out).contains("100.0%");
        assertThat(out).contains("▲ ENTRY").contains("▼ EXIT ").contains("P&L ");
        assertThat(out).contains("✔ completed").contains("Total return").contains("Sharpe ratio").contains("Max drawdown");
        assertThat(out).doesNotContain("\u001b["); // not a terminal: no colours
        record("cli-watch-output.txt", out);
    }

    @Test
    void jsonOutputIsOneEnvelopePerLineInSeqOrderEndingWithComplete() {
        String id = start();
        CliRun run = cli("watch", id, "--url", url, "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> messages = parseLines(run);
        assertThat(messages.get(0).path("type").asString()).isEqualTo("connected");
        assertContiguousFromOne(seqs(messages));
        assertThat(messages.get(messages.size() - 1).path("type").asString()).isEqualTo("complete");
        assertThat(messages).allSatisfy(m -> assertThat(m.path("stream_id").asString()).isEqualTo(id));
        record("cli-watch-json-output.jsonl", run.out());
    }

    @Test
    void coloursAreOnWhenAsked() {
        String id = start();
        CliRun run = cli("watch", id, "--url", url, "--color=always");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\u001b[32m"); // green: the completed line at least
    }

    @Test
    void unknownIdExitsNonZero() {
        CliRun run = cli("watch", "backtest_20200101_000000_nosuch", "--url", url);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("unknown stream").contains("4404");
    }

    @Test
    void aRunThatFailsExitsWithOne() {
        // the synthetic market starts on 2000-01-01: no candles before it
        CliRun started = cli("start", "--url", url, "-s", "BTC-USD", "-t", "1h", "--from", "1990-01-01",
                "--to", "1990-02-01", "-S", "sma-crossover");
        if (started.exitCode() != 0) {
            // rejected up front instead: also a non-zero exit, with the problem on stderr
            assertThat(started.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(started.err()).contains("HTTP 400");
            return;
        }
        CliRun run = cli("watch", started.lines().get(0), "--url", url);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("✖ run failed: NO_CANDLES");
    }

    @Test
    void invalidStartRequestShowsTheFieldErrors() {
        CliRun run = cli("start", "--url", url, "-s", "BTC-USD", "-t", "1h", "--from", "2023-02-01",
                "--to", "2023-01-01", "-S", "moon");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("HTTP 400").contains("end_date").contains("strategy_ids[0]");
    }

    @Test
    void resumesWithFromSeqAfterTheConnectionIsCutMidStream() throws IOException {
        String id = start();
        CliRun reference = cli("watch", id, "--url", url, "--json");
        List<Long> all = seqs(parseLines(reference));

        try (DroppingProxy proxy = new DroppingProxy(port, 20_000)) {
            CliRun run = cli("watch", id, "--url", "http://127.0.0.1:" + proxy.port(), "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(proxy.drops()).isEqualTo(1);
            assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);
            assertThat(run.err()).contains("connection dropped").contains("reconnecting").contains("from_seq=");
            List<JsonNode> messages = parseLines(run);
            assertThat(messages.stream().filter(m -> m.path("type").asString().equals("connected")).count())
                    .isGreaterThanOrEqualTo(2);
            List<Long> seqs = seqs(messages);
            assertContiguousFromOne(seqs);
            assertThat(seqs).isEqualTo(all);
            // the second connection asked for what came after the last seq the first one delivered
            JsonNode second = messages.stream().filter(m -> m.path("type").asString().equals("connected")).skip(1)
                    .findFirst().orElseThrow();
            assertThat(second.path("data").path("from_seq").asLong()).isBetween(1L, all.size() - 1L);
        }
    }

    @Test
    void replayGivesTheSameEventsAsWatchAndPacesThem() {
        String id = start();
        List<Long> watched = seqs(parseLines(cli("watch", id, "--url", url, "--json")));
        CliRun fast = cli("replay", id, "--url", url, "--json", "--speed", "0");
        assertThat(fast.exitCode()).as(fast.toString()).isZero();
        assertThat(seqs(parseLines(fast))).isEqualTo(watched);
        CliRun paced = cli("replay", id, "--url", url, "--speed", "2");
        assertThat(paced.exitCode()).as(paced.toString()).isZero();
        assertThat(paced.out()).contains("✔ completed");
    }

    @Test
    void runsListsTheRunsAsATableAndAsJson() {
        String id = start("--watch");
        CliRun table = cli("runs", "--url", url);
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines().get(0)).startsWith("id").contains("status").contains("return").contains("sharpe");
        assertThat(table.out()).contains(id).contains("completed").contains("sma-crossover");

        CliRun json = cli("runs", "--url", url, "--json", "--status", "completed");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode page = StreamClient.JSON.readTree(json.out());
        assertThat(page.path("items").isArray()).isTrue();
        assertThat(page.path("items").findValuesAsString("backtest_id")).contains(id);
    }

    @Test
    void everyWebSocketTokenTransportWorks() {
        String id = start();
        for (String how : List.of("header", "query", "protocol")) {
            CliRun run = cli("watch", id, "--url", url, "--json", "--ws-auth", how);
            assertThat(run.exitCode()).as(how + ": " + run).isZero();
            assertThat(parseLines(run).get(parseLines(run).size() - 1).path("type").asString()).isEqualTo("complete");
        }
    }

    @Test
    void theGatewayServesTheOpenApiDocumentOfItsRestApi() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v3/api-docs"))
                        .header("Authorization", "Bearer " + TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode api = StreamClient.JSON.readTree(response.body());
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(api.path("info").path("title").asString()).isEqualTo("Tapecast REST API");
        assertThat(api.path("paths").has("/api/backtesting/start")).isTrue();
        assertThat(api.path("paths").has("/api/backtesting")).isTrue();
        assertThat(api.path("paths").has("/api/backtesting/{id}")).isTrue();
        assertThat(api.path("paths").has("/api/strategies")).isTrue();
        record("openapi.json", response.body());
    }

    @Test
    void theExecutableJarRuns() throws Exception {
        Path jar = Path.of("target", "tapecast-cli.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "runs", "--url", url, "--token", TOKEN)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("id");
    }
}

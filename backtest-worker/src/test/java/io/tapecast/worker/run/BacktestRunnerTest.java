package io.tapecast.worker.run;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.market.MarketData;
import io.tapecast.engine.market.SyntheticCandleSource;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.worker.WorkerSettings;
import io.tapecast.worker.control.RunControls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BacktestRunnerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final BacktestEngine engine = new BacktestEngine(new SyntheticCandleSource(), StrategyCatalog.defaults());

    @Test
    void aRunPublishesContiguousSeqsFromProgressToComplete() {
        InMemoryRunOutput output = run(request("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));

        assertThat(output.events).isNotEmpty();
        assertThat(output.events.stream().map(InMemoryRunOutput.Published::seq))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, output.events.size()).boxed().toList());
        assertThat(output.events.get(0).type()).isEqualTo("progress");
        assertThat(output.events.get(0).awaited()).isTrue();
        assertThat(output.events.stream().skip(1).noneMatch(InMemoryRunOutput.Published::awaited)).isTrue();
        assertThat(output.events.get(output.events.size() - 1).type()).isEqualTo("complete");
        assertThat(types(output)).contains("trade", "equity", "metrics");
        assertThat(types(output).stream().filter("progress"::equals).count()).isBetween(80L, 1_001L);
        assertThat(types(output).stream().filter("equity"::equals).count()).isBetween(1_000L, 2_001L);
    }

    @Test
    void statusGoesRunningWithTheOffsetOfSeqOneThenCompleted() {
        InMemoryRunOutput output = run(request("2024-01-01T00:00:00Z", "2024-03-01T00:00:00Z"));

        assertThat(output.statuses).extracting(BacktestStatus::state)
                .containsExactly(BacktestState.running, BacktestState.completed);
        BacktestStatus running = output.statuses.get(0);
        assertThat(running.partition()).isEqualTo(3);
        assertThat(running.firstOffset()).isEqualTo(1_001);
        BacktestStatus completed = output.statuses.get(1);
        assertThat(completed.lastSeq()).isEqualTo(output.events.size());
        assertThat(completed.finalMetrics()).isNotNull();
        assertThat(output.flushes).isPositive();
    }

    @Test
    void aRangeWithoutCandlesEndsWithOneErrorEventAndStatusFailed() {
        InMemoryRunOutput output = run(request("1990-01-01T00:00:00Z", "1990-02-01T00:00:00Z"));

        assertThat(output.events).hasSize(1);
        JsonNode error = WireJson.mapper().readTree(output.events.get(0).json());
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("seq").asLong()).isEqualTo(1);
        assertThat(error.path("data").path("code").asString()).isEqualTo("NO_CANDLES");
        assertThat(output.statuses).extracting(BacktestStatus::state)
                .containsExactly(BacktestState.running, BacktestState.failed);
        assertThat(output.statuses.get(1).error().code()).isEqualTo("NO_CANDLES");
    }

    @Test
    void theSameRequestGivesTheSameEventDataSeqBySeq() {
        StartBacktest request = request("2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z");
        List<String> first = data(run(request));
        List<String> second = data(run(request));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRetriedRunCountsItsAttemptInStatusAndComplete() {
        StartBacktest request = request("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z");
        BacktestStatus diedMidRun = BacktestStatus.queued(request, request.requestedAt())
                .running("dead-worker", 1, 0, 17, request.requestedAt());
        InMemoryRunOutput output = new InMemoryRunOutput();
        new BacktestRunner(engine, WorkerSettings.defaults(), id -> output, id -> Optional.of(diedMidRun), new RunControls(), CLOCK)
                .run(request);

        assertThat(output.statuses.get(0).attempt()).isEqualTo(2);
        JsonNode complete = WireJson.mapper().readTree(output.events.get(output.events.size() - 1).json());
        assertThat(complete.path("data").path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aRedeliveredRequestOfAFinishedRunPublishesNothing() {
        StartBacktest request = request("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z");
        InMemoryRunOutput first = run(request);
        BacktestStatus finished = first.statuses.get(first.statuses.size() - 1);
        InMemoryRunOutput again = new InMemoryRunOutput();
        new BacktestRunner(engine, WorkerSettings.defaults(), id -> again, id -> Optional.of(finished), new RunControls(), CLOCK)
                .run(request);
        assertThat(again.events).isEmpty();
        assertThat(again.statuses).isEmpty();
    }

    @Test
    void aRunCancelledWhileQueuedEndsAtOnceWithCompleteCancelled() {
        RunControls controls = new RunControls();
        controls.apply(new ControlCommand("backtest_test", ControlAction.cancel, null, CLOCK.instant()));
        InMemoryRunOutput output = new InMemoryRunOutput();
        new BacktestRunner(engine, WorkerSettings.defaults(), id -> output, id -> Optional.empty(), controls, CLOCK)
                .run(request("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));

        List<String> types = types(output);
        assertThat(types.subList(types.size() - 3, types.size())).containsExactly("control", "metrics", "complete");
        JsonNode complete = WireJson.mapper().readTree(output.events.get(output.events.size() - 1).json());
        assertThat(complete.path("data").path("status").asString()).isEqualTo("cancelled");
        assertThat(complete.path("data").path("candles").asInt()).isLessThan(8_784);
        assertThat(output.statuses.get(output.statuses.size() - 1).state()).isEqualTo(BacktestState.cancelled);
    }

    @Test
    void aPausedRunWaitsWithStatusPausedUntilResumedThenCompletes() throws Exception {
        RunControls controls = new RunControls();
        controls.apply(new ControlCommand("backtest_test", ControlAction.pause, null, CLOCK.instant()));
        InMemoryRunOutput output = new InMemoryRunOutput();
        BacktestRunner runner = new BacktestRunner(engine, WorkerSettings.defaults(), id -> output, id -> Optional.empty(),
                controls, CLOCK);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> runner.run(request("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).until(() -> statesOf(output).contains(BacktestState.paused));
        assertThat(run).isNotDone();
        controls.apply(new ControlCommand("backtest_test", ControlAction.resume, null, CLOCK.instant()));
        run.get(30, TimeUnit.SECONDS);

        assertThat(statesOf(output)).containsSubsequence(BacktestState.running, BacktestState.paused, BacktestState.running,
                BacktestState.completed);
        assertThat(output.events.stream().filter(e -> e.type().equals("control")).map(e -> WireJson.mapper().readTree(e.json())
                .path("data").path("action").asString())).containsExactly("paused", "resumed");
    }

    @Test
    void aMalformedCsvRowFailsTheRunNamingFileAndLineAndTheWorkerServesTheNextRun(@TempDir Path dataDir) throws Exception {
        Path csv = dataDir.resolve("candles/BAD-USD/1h.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, """
                timestamp,open,high,low,close,volume
                2024-01-01T00:00:00Z,10,11,9,10.5,100
                2024-01-01T01:00:00Z,10.5,oops,10,11,100
                """);
        BacktestEngine fromFiles = new BacktestEngine(new MarketData(dataDir), StrategyCatalog.defaults());
        InMemoryRunOutput bad = new InMemoryRunOutput();
        BacktestRunner runner = new BacktestRunner(fromFiles, WorkerSettings.defaults(), id -> bad, id -> Optional.empty(),
                new RunControls(), CLOCK);
        runner.run(new StartBacktest("backtest_bad", "bad", "BAD-USD", List.of("1h"), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"), List.of("sma-crossover"), Map.of(), null, null, CLOCK.instant()));

        JsonNode error = WireJson.mapper().readTree(bad.events.get(bad.events.size() - 1).json());
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("data").path("code").asString()).isEqualTo("BAD_DATA");
        assertThat(error.path("data").path("message").asString()).contains("1h.csv").contains("line 3");
        assertThat(bad.statuses.get(bad.statuses.size() - 1).state()).isEqualTo(BacktestState.failed);

        InMemoryRunOutput good = new InMemoryRunOutput();
        new BacktestRunner(fromFiles, WorkerSettings.defaults(), id -> good, id -> Optional.empty(), new RunControls(), CLOCK)
                .run(request("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
        assertThat(good.events.get(good.events.size() - 1).type()).isEqualTo("complete");
    }

    private static List<BacktestState> statesOf(InMemoryRunOutput output) {
        synchronized (output) {
            return output.statuses.stream().map(BacktestStatus::state).toList();
        }
    }

    private InMemoryRunOutput run(StartBacktest request) {
        InMemoryRunOutput output = new InMemoryRunOutput();
        new BacktestRunner(engine, WorkerSettings.defaults(), id -> output, id -> Optional.empty(), new RunControls(), CLOCK)
                .run(request);
        return output;
    }

    private static List<String> types(InMemoryRunOutput output) {
        return output.events.stream().map(InMemoryRunOutput.Published::type).toList();
    }

    private static List<String> data(InMemoryRunOutput output) {
        return output.events.stream().map(e -> WireJson.mapper().readTree(e.json()).path("data").toString()).toList();
    }

    private static StartBacktest request(String from, String to) {
        return new StartBacktest("backtest_test", "test", "BTC-USD", List.of("1h"), Instant.parse(from), Instant.parse(to),
                List.of("sma-crossover"), Map.of(), io.tapecast.schemas.backtest.EngineOptions.defaults().withFeeBps(10), null, Instant.parse("2026-11-27T11:59:00Z"));
    }
}

package io.tapecast.worker.run;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.backtest.NoCandlesException;
import io.tapecast.engine.market.CandleDataException;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.ControlEvent;
import io.tapecast.worker.WorkerSettings;
import io.tapecast.worker.control.RunControl;
import io.tapecast.worker.control.RunControls;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one start request to its outcome: status {@code running} once seq 1 is stored, the engine's events
 * as they happen, then {@code complete} and status {@code completed} (or {@code cancelled} when a user cancelled
 * it), or {@code error} and status {@code failed} when the run cannot proceed. Failures to publish are not
 * outcomes: they propagate, so the request is not committed and runs again — on this or another worker, as the
 * next attempt, reproducing the same events (readers drop the seqs they already have).
 */
public final class BacktestRunner {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);

    private final BacktestEngine engine;
    private final WorkerSettings settings;
    private final Function<String, RunOutput> outputs;
    private final Function<String, Optional<BacktestStatus>> history;
    private final RunControls controls;
    private final Clock clock;

    BacktestRunner(BacktestEngine engine, WorkerSettings settings, Function<String, RunOutput> outputs,
                   Function<String, Optional<BacktestStatus>> history, RunControls controls, Clock clock) {
        this.engine = engine;
        this.settings = settings;
        this.outputs = outputs;
        this.history = history;
        this.controls = controls;
        this.clock = clock;
    }

    public static BacktestRunner onKafka(BacktestEngine engine, WorkerSettings settings, Producer<String, byte[]> producer,
                                         TopicNames topics, StatusHistory history, RunControls controls, Clock clock) {
        Duration ackTimeout = Duration.ofSeconds(30);
        return new BacktestRunner(engine, settings, id -> new KafkaRunOutput(producer, topics, id, ackTimeout), history,
                controls, clock);
    }

    public void run(StartBacktest request) {
        String id = request.backtestId();
        RunOutput output = outputs.apply(id);
        Optional<BacktestStatus> previous = history.apply(id);
        if (previous.isPresent() && previous.get().state().isFinal()) {
            // The outcome is already published (the worker died before committing): nothing left to do.
            log.info("backtest {} already {}; skipping the redelivered request", id, previous.get().state());
            return;
        }
        // A status already showing a worker means that worker died mid-run: this is the next attempt.
        int attempt = previous.map(p -> p.attempt() + 1).orElse(1);
        AtomicReference<BacktestStatus> status = new AtomicReference<>(
                BacktestStatus.queued(request, request.requestedAt() != null ? request.requestedAt() : clock.instant()));
        RunControl control = controls.register(id);
        try {
            run(request, attempt, output, status, control);
        } finally {
            controls.unregister(id);
        }
    }

    private void run(StartBacktest request, int attempt, RunOutput output, AtomicReference<BacktestStatus> status,
                     RunControl control) {
        String id = request.backtestId();
        BacktestSpec spec;
        try {
            spec = BacktestSpec.from(request);
        } catch (IllegalArgumentException e) {
            fail(newEmitter(request, attempt, Duration.ZERO, output, status), output, status,
                    new BacktestError("INVALID_REQUEST", e.getMessage()));
            return;
        }
        Timeframe driving = spec.drivingTimeframe();
        RunEmitter emitter = newEmitter(request, attempt, driving.duration(), output, status);
        ControlledListener listener = new ControlledListener(emitter, control, settings.maxPause(),
                new ControlledListener.StateChanges() {
                    @Override
                    public void paused(long seq) {
                        output.writeStatus(status.updateAndGet(s -> s.paused(seq, clock.instant())));
                    }

                    @Override
                    public void resumed(long seq) {
                        output.writeStatus(status.updateAndGet(s -> s.resumed(seq, clock.instant())));
                    }
                });
        log.info("backtest {} started on {} (attempt {}): {} {} {}..{}", id, settings.id(), attempt, request.symbol(),
                driving.label(), request.startDate(), request.endDate());
        BacktestResult result;
        try {
            result = engine.run(spec, listener);
        } catch (NoCandlesException e) {
            fail(emitter, output, status, new BacktestError("NO_CANDLES", e.getMessage()));
            return;
        } catch (CandleDataException | java.io.UncheckedIOException e) {
            fail(emitter, output, status, new BacktestError("BAD_DATA", e.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            fail(emitter, output, status, new BacktestError("INVALID_REQUEST", e.getMessage()));
            return;
        } catch (PublishFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("backtest {} failed in the engine", id, e);
            fail(emitter, output, status, new BacktestError("ENGINE_ERROR",
                    "the engine could not finish this run (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        if (result.cancelled()) {
            emitter.emitControl(new ControlEvent(ControlEvent.CANCELLED, listener.processed(), listener.simulatedTime()));
            long lastSeq = emitter.complete(result, Complete.CANCELLED);
            output.writeStatus(status.get().cancelled(lastSeq, result.metrics(), clock.instant()));
            log.info("backtest {} cancelled after {} candles", id, result.candles());
            return;
        }
        long lastSeq = emitter.complete(result, Complete.COMPLETED);
        output.writeStatus(status.get().completed(lastSeq, result.metrics(), clock.instant()));
        log.info("backtest {} completed: {} candles, {} trades, {} events", id, result.candles(),
                result.metrics().tradeCount(), lastSeq);
    }

    /** Seq 1's position goes into the status index at once, so readers can replay while the run goes on. */
    private RunEmitter newEmitter(StartBacktest request, int attempt, Duration candleDuration, RunOutput output,
                                  AtomicReference<BacktestStatus> status) {
        return new RunEmitter(request.backtestId(), request.options().initialCapital(), candleDuration, settings, output,
                clock, attempt, stored -> output.writeStatus(status.updateAndGet(
                        s -> s.running(settings.id(), attempt, stored.partition(), stored.offset(), clock.instant()))));
    }

    private void fail(RunEmitter emitter, RunOutput output, AtomicReference<BacktestStatus> status, BacktestError error) {
        long lastSeq = emitter.fail(error);
        output.writeStatus(status.get().failed(lastSeq, error, clock.instant()));
        log.warn("backtest {} failed: {} {}", status.get().backtestId(), error.code(), error.message());
    }
}

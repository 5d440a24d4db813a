package io.tapecast.worker.run;

import io.tapecast.engine.backtest.BacktestEngine;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.BacktestSpec;
import io.tapecast.engine.backtest.NoCandlesException;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.TopicNames;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.BacktestStatus;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.worker.WorkerSettings;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one start request to its outcome: status {@code running} once seq 1 is stored, the engine's events
 * as they happen, then {@code complete} and status {@code completed}, or {@code error} and status
 * {@code failed} when the run cannot proceed. Failures to publish are not outcomes: they propagate, so the
 * request is not committed and runs again.
 */
public final class BacktestRunner {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);

    private final BacktestEngine engine;
    private final WorkerSettings settings;
    private final Function<String, RunOutput> outputs;
    private final Clock clock;

    BacktestRunner(BacktestEngine engine, WorkerSettings settings, Function<String, RunOutput> outputs, Clock clock) {
        this.engine = engine;
        this.settings = settings;
        this.outputs = outputs;
        this.clock = clock;
    }

    public static BacktestRunner onKafka(BacktestEngine engine, WorkerSettings settings, Producer<String, byte[]> producer,
                                         TopicNames topics, Clock clock) {
        Duration ackTimeout = Duration.ofSeconds(30);
        return new BacktestRunner(engine, settings, id -> new KafkaRunOutput(producer, topics, id, ackTimeout), clock);
    }

    public void run(StartBacktest request) {
        String id = request.backtestId();
        RunOutput output = outputs.apply(id);
        AtomicReference<BacktestStatus> status = new AtomicReference<>(
                BacktestStatus.queued(request, request.requestedAt() != null ? request.requestedAt() : clock.instant()));
        BacktestSpec spec;
        try {
            spec = BacktestSpec.from(request);
        } catch (IllegalArgumentException e) {
            fail(newEmitter(request, Duration.ZERO, output, status), output, status,
                    new BacktestError("INVALID_REQUEST", e.getMessage()));
            return;
        }
        Timeframe driving = spec.drivingTimeframe();
        RunEmitter emitter = newEmitter(request, driving.duration(), output, status);
        log.info("backtest {} started on {}: {} {} {}..{}", id, settings.id(), request.symbol(), driving.label(),
                request.startDate(), request.endDate());
        BacktestResult result;
        try {
            result = engine.run(spec, emitter);
        } catch (NoCandlesException e) {
            fail(emitter, output, status, new BacktestError("NO_CANDLES", e.getMessage()));
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
        long lastSeq = emitter.complete(result);
        output.writeStatus(status.get().completed(lastSeq, result.metrics(), clock.instant()));
        log.info("backtest {} completed: {} candles, {} trades, {} events", id, result.candles(),
                result.metrics().tradeCount(), lastSeq);
    }

    /** Seq 1's position goes into the status index at once, so readers can replay while the run goes on. */
    private RunEmitter newEmitter(StartBacktest request, Duration candleDuration, RunOutput output,
                                  AtomicReference<BacktestStatus> status) {
        return new RunEmitter(request.backtestId(), request.initialCapital(), candleDuration, settings, output, clock,
                stored -> output.writeStatus(status.updateAndGet(
                        s -> s.running(settings.id(), stored.partition(), stored.offset(), clock.instant()))));
    }

    private void fail(RunEmitter emitter, RunOutput output, AtomicReference<BacktestStatus> status, BacktestError error) {
        long lastSeq = emitter.fail(error);
        output.writeStatus(status.get().failed(lastSeq, error, clock.instant()));
        log.warn("backtest {} failed: {} {}", status.get().backtestId(), error.code(), error.message());
    }
}

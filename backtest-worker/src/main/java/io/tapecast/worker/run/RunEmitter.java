package io.tapecast.worker.run;

import io.tapecast.engine.backtest.BacktestListener;
import io.tapecast.engine.backtest.BacktestResult;
import io.tapecast.engine.backtest.Fill;
import io.tapecast.engine.backtest.PortfolioSnapshot;
import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.BacktestError;
import io.tapecast.schemas.backtest.Complete;
import io.tapecast.schemas.backtest.EquityPoint;
import io.tapecast.schemas.backtest.Progress;
import io.tapecast.schemas.backtest.TradeEvent;
import io.tapecast.worker.WorkerSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the engine's callbacks into the run's event stream. It is the stream's single writer, so it
 * assigns seq: 1, 2, 3… in publishing order. Seq 1 is published synchronously so that its partition and
 * offset can go into the status index before anything else happens.
 */
final class RunEmitter implements BacktestListener {

    private final String backtestId;
    private final double initialCapital;
    private final Duration candleDuration;
    private final WorkerSettings settings;
    private final RunOutput output;
    private final Clock clock;
    private final Consumer<RunOutput.StoredAt> onFirstEvent;
    private final int attempt;

    private long seq;
    private EventCadence cadence;
    private int progressEventsSent;

    RunEmitter(String backtestId, double initialCapital, Duration candleDuration, WorkerSettings settings,
               RunOutput output, Clock clock, int attempt, Consumer<RunOutput.StoredAt> onFirstEvent) {
        this.backtestId = backtestId;
        this.initialCapital = initialCapital;
        this.candleDuration = candleDuration;
        this.settings = settings;
        this.output = output;
        this.clock = clock;
        this.onFirstEvent = onFirstEvent;
        this.attempt = attempt;
    }

    @Override
    public void onStart(int totalCandles, Instant firstCandleTime) {
        cadence = new EventCadence(totalCandles, settings.progressEvery(), settings.maxProgressEvents(),
                settings.maxEquityEvents(), settings.metricsEveryProgress());
        emit(new Progress(0, totalCandles, 0.0, firstCandleTime, initialCapital, 0.0, 0, 0.0));
    }

    @Override
    public void onFill(Fill fill) {
        emit(new TradeEvent(
                fill.entry() ? TradeEvent.Action.entry : TradeEvent.Action.exit,
                fill.tradeId(),
                TradeEvent.Side.valueOf(fill.side().name().toLowerCase(Locale.ROOT)),
                fill.price(), fill.quantity(), fill.fee(), fill.time(), fill.strategyId(), fill.reason(),
                fill.pnl(), fill.pnlPercent()));
    }

    @Override
    public void onCandle(int processed, int total, Candle candle, PortfolioSnapshot snapshot) {
        if (cadence.progressDue(processed)) {
            emit(new Progress(processed, total, percent(processed, total), snapshot.time(), snapshot.equity(),
                    snapshot.equity() - initialCapital, snapshot.closedTrades(), winRatePct(snapshot)));
            progressEventsSent++;
            if (cadence.metricsDue(progressEventsSent) && processed < total) {
                // Computed by the engine only now, with the same definitions as the final metrics.
                emit(snapshot.metricsSoFar());
            }
        }
        if (cadence.equityDue(processed)) {
            emit(new EquityPoint(snapshot.time(), snapshot.equity(), snapshot.drawdownPct()));
        }
    }

    /**
     * The run ended ({@code completed}, or {@code cancelled} with the figures so far): final metrics, then
     * {@code complete}; returns the last seq.
     */
    long complete(BacktestResult result, String status) {
        emit(result.metrics());
        Instant simulatedEnd = result.lastCandleTime().plus(candleDuration);
        long simulatedMs = Duration.between(result.firstCandleTime(), simulatedEnd).toMillis();
        emit(new Complete(status, result.metrics().finalEquity(), result.metrics().tradeCount(), result.metrics(),
                result.strategyMetrics(), result.candles(), simulatedMs, attempt));
        output.flush();
        return seq;
    }

    /** A user's pause, resume or cancel, as viewers see it; returns its seq. */
    long emitControl(io.tapecast.schemas.backtest.ControlEvent event) {
        emit(event);
        output.flush();
        return seq;
    }

    /** The run cannot proceed: one {@code error} event ends the stream; returns the last seq. */
    long fail(BacktestError error) {
        emit(error);
        output.flush();
        return seq;
    }

    long lastSeq() {
        return seq;
    }

    private static double winRatePct(PortfolioSnapshot snapshot) {
        return snapshot.closedTrades() == 0 ? 0.0 : snapshot.winningTrades() * 100.0 / snapshot.closedTrades();
    }

    private static double percent(int processed, int total) {
        return Math.round(processed * 10_000.0 / total) / 100.0;
    }

    private void emit(Payload payload) {
        long next = seq + 1;
        byte[] bytes = WireJson.mapper().writeValueAsBytes(
                Envelope.event(StreamType.BACKTEST, backtestId, next, clock.instant(), payload));
        if (next == 1) {
            onFirstEvent.accept(output.publishAndWait(payload.eventType(), next, bytes));
        } else {
            output.publish(payload.eventType(), next, bytes);
        }
        seq = next;
    }
}

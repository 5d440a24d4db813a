package io.tapecast.worker.run;

import io.tapecast.schemas.backtest.BacktestStatus;

/**
 * Where one run's events and status go. The Kafka implementation keys everything by the backtest id, so
 * all events of a run land in one partition in the order they were published.
 */
interface RunOutput {

    /** Publishes an event and waits for the broker's acknowledgement; returns where it was stored. */
    StoredAt publishAndWait(String type, long seq, byte[] envelope);

    /** Publishes an event without waiting; a failure surfaces at the next {@link #flush()}. */
    void publish(String type, long seq, byte[] envelope);

    /** Waits until every event published so far is acknowledged; throws if any failed. */
    void flush();

    /** Writes the run's latest status and waits for the acknowledgement. */
    void writeStatus(BacktestStatus status);

    record StoredAt(int partition, long offset) {
    }
}

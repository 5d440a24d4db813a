package io.tapecast.worker.run;

import io.tapecast.schemas.backtest.BacktestStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects a run's output in memory, recording which events were published synchronously. */
final class InMemoryRunOutput implements RunOutput {

    record Published(String type, long seq, String json, boolean awaited) {
    }

    final List<Published> events = new ArrayList<>();
    final List<BacktestStatus> statuses = new ArrayList<>();
    int flushes;

    @Override
    public StoredAt publishAndWait(String type, long seq, byte[] envelope) {
        events.add(new Published(type, seq, new String(envelope, StandardCharsets.UTF_8), true));
        return new StoredAt(3, 1_000 + events.size());
    }

    @Override
    public void publish(String type, long seq, byte[] envelope) {
        events.add(new Published(type, seq, new String(envelope, StandardCharsets.UTF_8), false));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void writeStatus(BacktestStatus status) {
        synchronized (this) {
            statuses.add(status);
        }
    }
}

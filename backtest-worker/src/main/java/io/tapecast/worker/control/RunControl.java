package io.tapecast.worker.control;

import io.tapecast.schemas.backtest.ControlAction;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The user's wishes for one run, as last seen on {@code backtest.control}: cancelled (for good) or paused
 * (until resumed). The run's thread polls {@link #cancelRequested()} and {@link #pauseRequested()} after each
 * candle and parks in {@link #awaitResumeOrCancel(Duration)} while paused.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean cancelled;
    private volatile boolean paused;

    /** Applies a command; a cancel is final, pause and resume toggle. */
    public void apply(ControlAction action) {
        lock.lock();
        try {
            switch (action) {
                case cancel -> cancelled = true;
                case pause -> paused = true;
                case resume -> paused = false;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean cancelRequested() {
        return cancelled;
    }

    public boolean pauseRequested() {
        return paused && !cancelled;
    }

    /**
     * Parks the run until it is resumed or cancelled, or {@code limit} passes (then it counts as cancelled, so a
     * forgotten pause cannot hold a worker forever). Returns true when the run should go on.
     */
    public boolean awaitResumeOrCancel(Duration limit) throws InterruptedException {
        long left = limit.toNanos();
        lock.lock();
        try {
            while (paused && !cancelled) {
                if (left <= 0) {
                    cancelled = true;
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }

}

package io.tapecast.worker.control;

import io.tapecast.schemas.backtest.ControlAction;
import io.tapecast.schemas.backtest.ControlCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This worker's view of {@code backtest.control}: the controls of the runs it is executing, and the last command
 * seen for every other id (bounded), so a run cancelled or paused while still queued starts in that state.
 */
public final class RunControls {

    private static final int REMEMBERED_IDS = 100_000;

    private final Map<String, RunControl> active = new ConcurrentHashMap<>();
    private final Map<String, ControlAction> lastCommand = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ControlAction> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    /** Registers a run this worker starts, already in the state earlier commands put it in. */
    public RunControl register(String backtestId) {
        RunControl control = new RunControl();
        synchronized (lastCommand) {
            ControlAction last = lastCommand.get(backtestId);
            if (last == ControlAction.cancel) {
                control.apply(ControlAction.cancel);
            } else if (last == ControlAction.pause) {
                control.apply(ControlAction.pause);
            }
            active.put(backtestId, control);
        }
        return control;
    }

    public void unregister(String backtestId) {
        active.remove(backtestId);
    }

    public void apply(ControlCommand command) {
        synchronized (lastCommand) {
            ControlAction previous = lastCommand.get(command.backtestId());
            // a cancel is final: a later pause or resume must not revive the memory of a cancelled run
            if (previous != ControlAction.cancel) {
                lastCommand.remove(command.backtestId());
                lastCommand.put(command.backtestId(), command.action());
            }
            RunControl control = active.get(command.backtestId());
            if (control != null) {
                control.apply(command.action());
            }
        }
    }

    int activeRuns() {
        return active.size();
    }
}

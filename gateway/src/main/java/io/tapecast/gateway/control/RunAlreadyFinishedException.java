package io.tapecast.gateway.control;

/** A control command for a run that has already ended; answered with 409. */
public final class RunAlreadyFinishedException extends RuntimeException {

    public RunAlreadyFinishedException(String backtestId, String state, String action) {
        super("backtest " + backtestId + " is already " + state + "; it cannot be " + pastTense(action));
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "cancel" -> "cancelled";
            case "pause" -> "paused";
            default -> "resumed";
        };
    }
}

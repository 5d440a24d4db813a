package io.tapecast.gateway.runs;

/** No run with this id is in the status index; answered with 404. */
public final class UnknownBacktestException extends RuntimeException {

    public UnknownBacktestException(String backtestId) {
        super("no backtest with id '" + backtestId + "'");
    }
}

package io.tapecast.engine.market;

/**
 * Candle data that cannot be used as it is: a malformed CSV row, a duplicate time, an empty file. The message
 * names the file and line, so the run's {@code error} event tells the user exactly what to fix.
 */
public final class CandleDataException extends IllegalArgumentException {

    public CandleDataException(String message) {
        super(message);
    }

    public CandleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

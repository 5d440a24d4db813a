package io.tapecast.engine.strategy;

/**
 * What a strategy wants after seeing a closed candle. Only long positions exist so far; short signals are
 * meant to be added here as further constants, which is why this is not a boolean.
 */
public enum Signal {
    /** Keep whatever position there is. */
    NONE,
    /** Open a long position if flat. */
    ENTER_LONG,
    /** Close the long position if there is one. */
    EXIT_LONG
}

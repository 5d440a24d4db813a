package io.tapecast.engine.strategy;

/**
 * What a strategy wants after seeing a closed candle. The engine turns it into a market order; a signal that
 * does not apply to the current position (enter long while long, exit short while flat…) is ignored.
 */
public enum Signal {
    /** Keep whatever position there is. */
    NONE,
    /** Be long: open a long position if flat; if short, close the short and open a long (a reversal). */
    ENTER_LONG,
    /** Close the long position if there is one. */
    EXIT_LONG,
    /** Be short: open a short position if flat; if long, close the long and open a short (a reversal). */
    ENTER_SHORT,
    /** Close the short position if there is one. */
    EXIT_SHORT
}

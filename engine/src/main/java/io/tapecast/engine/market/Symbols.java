package io.tapecast.engine.market;

import java.util.regex.Pattern;

/**
 * The symbol grammar. It is deliberately narrow because symbols become directory names under the data
 * directory; nothing that passes {@link #isValid(String)} can escape it.
 */
public final class Symbols {

    private static final Pattern VALID = Pattern.compile("^[A-Z0-9]{1,12}([-/][A-Z0-9]{1,12})?$");

    private Symbols() {
    }

    /** Uppercase letters and digits, optionally one {@code -} or {@code /} separator: BTC-USD, ETH/USD, AAPL. */
    public static boolean isValid(String symbol) {
        return symbol != null && VALID.matcher(symbol).matches();
    }

    /** Throws an {@link IllegalArgumentException} naming the symbol unless it is valid; returns it otherwise. */
    public static String requireValid(String symbol) {
        if (!isValid(symbol)) {
            throw new IllegalArgumentException("invalid symbol '" + symbol
                    + "': expected uppercase letters/digits with an optional - or / separator, e.g. BTC-USD");
        }
        return symbol;
    }

    /** The directory name for a symbol: {@code /} would nest directories, so it becomes {@code -}. */
    public static String fileName(String symbol) {
        return requireValid(symbol).replace('/', '-');
    }
}

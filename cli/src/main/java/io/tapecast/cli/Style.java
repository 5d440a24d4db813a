package io.tapecast.cli;

/**
 * ANSI styling of terminal output. Off when the output is not a terminal, with {@code --no-color} /
 * {@code --color=never}, or when the {@code NO_COLOR} environment variable is set; then every method returns its
 * text unchanged.
 */
final class Style {

    static final Style PLAIN = new Style(false);
    static final Style ANSI = new Style(true);

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    private Style(boolean enabled) {
        this.enabled = enabled;
    }

    static Style of(boolean enabled) {
        return enabled ? ANSI : PLAIN;
    }

    boolean enabled() {
        return enabled;
    }

    String green(String text) {
        return wrap("\u001b[32m", text);
    }

    String red(String text) {
        return wrap("\u001b[31m", text);
    }

    String yellow(String text) {
        return wrap("\u001b[33m", text);
    }

    String cyan(String text) {
        return wrap("\u001b[36m", text);
    }

    String dim(String text) {
        return wrap("\u001b[2m", text);
    }

    String bold(String text) {
        return wrap("\u001b[1m", text);
    }

    /** Green for a gain, red for a loss, as is for zero. */
    String signed(double value, String text) {
        return value > 0 ? green(text) : value < 0 ? red(text) : text;
    }

    private String wrap(String code, String text) {
        return enabled ? code + text + RESET : text;
    }

    /** The text without ANSI escape sequences (for width computations and tests). */
    static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    }
}

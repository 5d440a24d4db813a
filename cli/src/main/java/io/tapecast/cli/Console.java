package io.tapecast.cli;

import java.io.PrintStream;

/**
 * Where formatted output goes. On a terminal one status line (the progress bar) is kept at the bottom and
 * redrawn in place; every permanent line is printed above it. Elsewhere (a pipe, a file, a test) there is no
 * status line and only permanent lines are printed.
 */
final class Console {

    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintStream out;
    private final boolean terminal;
    private final Style style;
    private String status = "";

    Console(PrintStream out, boolean terminal, Style style) {
        this.out = out;
        this.terminal = terminal;
        this.style = style;
    }

    Style style() {
        return style;
    }

    boolean terminal() {
        return terminal;
    }

    /** A permanent line. */
    void line(String text) {
        if (terminal && !status.isEmpty()) {
            out.print(CLEAR_LINE);
            out.println(text);
            out.print(status);
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Replaces the status line (terminal only). */
    void status(String text) {
        if (!terminal) {
            return;
        }
        status = text;
        out.print(CLEAR_LINE + text);
        out.flush();
    }

    /** Removes the status line (terminal only). */
    void clearStatus() {
        if (terminal && !status.isEmpty()) {
            out.print(CLEAR_LINE);
            out.flush();
        }
        status = "";
    }
}

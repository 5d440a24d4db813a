package io.tapecast.cli;

/** The exit codes of every {@code tapecast} command (also listed in {@code tapecast --help}). */
final class ExitCodes {

    /** Done: the stream ended normally (a backtest's {@code complete}), or the request succeeded. */
    static final int OK = 0;
    /** The run failed (an {@code error} event), or the server rejected the request (4xx/5xx other than 404). */
    static final int FAILED = 1;
    /** Bad command line (picocli's usage error code). */
    static final int USAGE = 2;
    /** Unknown backtest id: WebSocket close 4404 or REST 404. */
    static final int NOT_FOUND = 3;
    /** Could not connect or stay connected (gave up reconnecting), bad stream request (4400), or not allowed:
     *  4401/4403 on a stream, 401/403 on REST. */
    static final int CONNECTION = 4;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 130;

    static final String HELP = """
            Exit codes: 0 done (complete, or the request succeeded) · 1 the run failed (error event) or the server \
            rejected the request · 2 bad command line · 3 unknown backtest id (4404 / 404) · 4 connection failed or \
            refused (gave up reconnecting, 4400, 4401/4403, HTTP 401/403)""";

    private ExitCodes() {
    }
}

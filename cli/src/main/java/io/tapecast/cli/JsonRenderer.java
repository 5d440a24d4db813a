package io.tapecast.cli;

import java.io.PrintStream;

/** {@code --json}: every message exactly as received, one per line (for {@code jq}); diagnostics go to stderr. */
final class JsonRenderer implements Renderer {

    private final PrintStream out;

    JsonRenderer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void render(StreamClient.Frame frame) {
        // a frame is one JSON document; the gateway sends it without line breaks, but be safe for line-based tools
        boolean multiline = frame.text().indexOf('\n') >= 0 || frame.text().indexOf('\r') >= 0;
        out.println(multiline && frame.message() != null ? frame.message().toString() : frame.text());
        out.flush();
    }

    @Override
    public void finish(StreamClient.Result result) {
        out.flush();
    }
}

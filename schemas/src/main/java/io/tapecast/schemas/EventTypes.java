package io.tapecast.schemas;

/** Envelope {@code type} names (DESIGN.md §3.2). */
public final class EventTypes {

    public static final String PROGRESS = "progress";
    public static final String TRADE = "trade";
    public static final String EQUITY = "equity";
    public static final String METRICS = "metrics";
    public static final String COMPLETE = "complete";
    public static final String ERROR = "error";
    public static final String CONTROL = "control";

    public static final String CONNECTED = "connected";
    public static final String PING = "ping";
    public static final String PONG = "pong";
    public static final String GAP = "gap";

    private EventTypes() {
    }
}

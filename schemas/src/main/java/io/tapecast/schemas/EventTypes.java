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

    /** market-data: a forming or closed candle. */
    public static final String CANDLE = "candle";
    /** market-data: a candlestick pattern. */
    public static final String PATTERN = "pattern";
    /** market-data: swings, breaks of structure, changes of character, fair value gaps. */
    public static final String STRUCTURE = "structure";
    /** market-data: the 0–100 confluence score and its parts. */
    public static final String CONFLUENCE = "confluence";

    /** live-trading: a paper order the account filled. */
    public static final String ORDER = "order";
    /** live-trading: one strategy's position in one symbol after a fill. */
    public static final String POSITION = "position";
    /** live-trading: the account marked to market. */
    public static final String PNL = "pnl";
    /** live-trading: the account's exposure, leverage, drawdown, VaR and concentration. */
    public static final String RISK = "risk";

    public static final String CONNECTED = "connected";
    public static final String PING = "ping";
    public static final String PONG = "pong";
    public static final String GAP = "gap";

    private EventTypes() {
    }
}

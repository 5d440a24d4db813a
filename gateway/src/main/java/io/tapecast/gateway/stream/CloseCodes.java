package io.tapecast.gateway.stream;

import org.springframework.web.socket.CloseStatus;

/**
 * Every WebSocket close code the gateway uses (the README has the same table). 4xxx codes mirror the HTTP
 * status a REST call would get, so clients can tell "retry elsewhere" (1001, 4500) from "fix the request"
 * (4400, 4404) from "resume with from_seq" (4408, 4410).
 */
public final class CloseCodes {

    /** The stream ended ({@code complete} or {@code error} was delivered). */
    public static final CloseStatus STREAM_ENDED = new CloseStatus(1000, "stream ended");
    /** The gateway is shutting down; reconnect (to any node) with {@code from_seq}. */
    public static final CloseStatus GOING_AWAY = new CloseStatus(1001, "gateway shutting down");
    /** A query parameter is malformed, e.g. a negative {@code from_seq}. */
    public static final int BAD_REQUEST = 4400;
    /** The session's token expired; reconnect with a fresh token (and {@code from_seq}). */
    public static final int TOKEN_EXPIRED = 4401;
    /** The token's subject may not watch this stream: not the run's owner and not an admin, or an account not bound to it. */
    public static final int FORBIDDEN = 4403;
    /** No run with this id exists. */
    public static final int UNKNOWN_STREAM = 4404;
    /** The client did not read fast enough and its outbox overflowed; reconnect with {@code from_seq}. */
    public static final int SLOW_CONSUMER = 4408;
    /** Nothing was heard from the client for {@code pong-timeout}: no pong, no frame, no data accepted. */
    public static final int UNRESPONSIVE = 4410;
    /**
     * A limit of {@code tapecast.limits} was reached: too many concurrent connections for this user or address, or
     * too many inbound messages per second on this session. Retry later, with fewer connections or messages.
     */
    public static final int TOO_MANY = 4429;
    /** The gateway lost its Kafka reader or could not serve the stream; reconnect, possibly to another node. */
    public static final int GATEWAY_ERROR = 4500;

    private CloseCodes() {
    }

    public static CloseStatus of(int code, String reason) {
        // A close reason must fit a control frame: 123 bytes of UTF-8.
        String trimmed = reason.length() > 120 ? reason.substring(0, 120) : reason;
        return new CloseStatus(code, trimmed);
    }
}

package io.tapecast.gateway.security;

/** The caller is authenticated but may not do this: 403 on REST, close 4403 on a WebSocket. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}

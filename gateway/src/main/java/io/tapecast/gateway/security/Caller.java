package io.tapecast.gateway.security;

import org.springframework.web.socket.WebSocketSession;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the token's subject and roles, when the token expires, and the client address. With security off
 * every caller is {@link #unrestricted} and may do anything.
 *
 * @param subject      the token's {@code sub}; {@code null} when security is off
 * @param admin        the token carries the admin role
 * @param expiresAt    the token's {@code exp}; {@code null} when it has none or security is off
 * @param address      the client's address (after {@code server.forward-headers-strategy} processing)
 * @param unrestricted security is off on this node
 */
public record Caller(String subject, boolean admin, Instant expiresAt, String address, boolean unrestricted) {

    /** Session attribute under which every WebSocket session of the gateway carries its caller. */
    public static final String SESSION_ATTRIBUTE = "tapecast.caller";

    public static Caller anonymous(String address) {
        return new Caller(null, false, null, address, true);
    }

    /** The caller of a WebSocket session, or {@code null} if the session did not pass the gateway's guard. */
    public static Caller of(WebSocketSession session) {
        Object caller = session.getAttributes().get(SESSION_ATTRIBUTE);
        return caller instanceof Caller c ? c : null;
    }

    /** May this caller stream, replay, see or control a run started by {@code owner}? */
    public boolean mayAccessRunOf(String owner) {
        return unrestricted || admin || (subject != null && subject.equals(owner));
    }

    /** May this caller trade on (or watch) this live-trading account? Accounts are bound to users by configuration. */
    public boolean mayUseAccount(String account, Set<String> users) {
        return unrestricted || admin || (subject != null && users != null && users.contains(subject));
    }

    /** The key per-user limits count under: the subject, or the address when security is off. */
    public String limitKey() {
        return subject != null ? "sub:" + subject : "ip:" + Objects.requireNonNullElse(address, "?");
    }
}

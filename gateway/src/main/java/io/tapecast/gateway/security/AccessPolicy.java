package io.tapecast.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: a backtest belongs to the subject that started it, and only that subject or an admin may stream,
 * replay, list, see or control it; a live-trading account may be used by the users bound to it in configuration;
 * market data needs any valid token (the filter chain already demands one). With security off, everyone may do
 * everything.
 */
public final class AccessPolicy {

    private final SecuritySettings settings;
    private final Map<String, Set<String>> accounts;

    public AccessPolicy(SecuritySettings settings) {
        this.settings = settings;
        Map<String, Set<String>> bound = new java.util.HashMap<>();
        settings.accounts().forEach((account, users) -> bound.put(account, Set.copyOf(new HashSet<>(
                users == null ? List.of() : users.stream().map(String::strip).filter(u -> !u.isEmpty()).toList()))));
        this.accounts = Map.copyOf(bound);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The caller of the current REST request (or WebSocket handshake). */
    public Caller currentCaller() {
        String address = null;
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            address = servlet.getRequest().getRemoteAddr();
        }
        return callerOf(SecurityContextHolder.getContext().getAuthentication(), address);
    }

    public Caller callerOf(HttpServletRequest request) {
        return callerOf(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr());
    }

    Caller callerOf(Authentication authentication, String address) {
        if (!settings.enabled()) {
            return Caller.anonymous(address);
        }
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            boolean admin = TokenRoles.isAdmin(jwt.getAuthorities(), settings.adminRole());
            return new Caller(jwt.getName(), admin, jwt.getToken().getExpiresAt(), address, false);
        }
        // Security on but no token: nobody. (The filter chain refuses such requests before they get here.)
        return new Caller(null, false, null, address, false);
    }

    /** Throws {@link ForbiddenException} unless the caller may access a run started by {@code owner}. */
    public void requireRunAccess(Caller caller, String owner, String backtestId) {
        if (!caller.mayAccessRunOf(owner)) {
            throw new ForbiddenException("backtest " + backtestId + " belongs to another user");
        }
    }

    /** The users bound to a live-trading account ({@code tapecast.security.accounts.<account>}); empty if none. */
    public Set<String> usersOf(String account) {
        return accounts.getOrDefault(account, Set.of());
    }

    /** May the caller use this live-trading account? */
    public boolean mayUseAccount(Caller caller, String account) {
        return caller.mayUseAccount(account, usersOf(account));
    }

    /** Throws {@link ForbiddenException} unless the caller may use this live-trading account. */
    public void requireAccount(Caller caller, String account) {
        if (!mayUseAccount(caller, account)) {
            throw new ForbiddenException("account " + account + " is not bound to this user");
        }
    }

    /** The accounts the caller may use (every configured one for an admin or with security off). */
    public Set<String> accountsOf(Caller caller) {
        Set<String> result = new java.util.TreeSet<>();
        accounts.forEach((account, users) -> {
            if (caller.mayUseAccount(account, users)) {
                result.add(account);
            }
        });
        return result;
    }
}

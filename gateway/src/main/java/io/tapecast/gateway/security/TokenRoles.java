package io.tapecast.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a verified JWT into the authentication: the principal is {@code sub}; each entry of the roles claim becomes
 * {@code ROLE_<role>}, each scope ({@code scope} or {@code scp}, space-separated string or array) {@code SCOPE_<scope>}.
 * The admin role is held by a token whose roles contain it or whose scopes do.
 */
final class TokenRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;

    TokenRoles(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String role : values(claim(jwt.getClaims(), rolesClaim))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        for (String claim : List.of("scope", "scp")) {
            for (String scope : values(jwt.getClaims().get(claim))) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static boolean isAdmin(Collection<? extends GrantedAuthority> authorities, String adminRole) {
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (("ROLE_" + adminRole).equals(name) || ("SCOPE_" + adminRole).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims.get(path);
        if (current != null || !path.contains(".")) {
            return current;
        }
        Object node = claims;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof String text) {
            for (String v : text.trim().split("\\s+")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        } else if (claim instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String text && !text.isBlank()) {
                    values.add(text.strip());
                }
            }
        }
        return values;
    }
}

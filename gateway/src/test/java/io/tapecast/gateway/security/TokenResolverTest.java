package io.tapecast.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenResolverTest {

    private final TokenResolver resolver = new TokenResolver();

    private static MockHttpServletRequest handshake(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/ws/stream/backtest/x");
        request.setQueryString(query);
        request.addHeader("Upgrade", "websocket");
        return request;
    }

    @Test
    void theHeaderComesFirstThenTheQueryThenTheSubprotocol() {
        MockHttpServletRequest request = handshake("from_seq=3&access_token=query.token.q");
        request.addHeader("Authorization", "Bearer header.token.h");
        request.addHeader("Sec-WebSocket-Protocol", "bearer, proto.token.p");
        assertThat(resolver.resolve(request)).isEqualTo("header.token.h");

        request = handshake("from_seq=3&access_token=query.token.q");
        request.addHeader("Sec-WebSocket-Protocol", "bearer, proto.token.p");
        assertThat(resolver.resolve(request)).isEqualTo("query.token.q");

        request = handshake("from_seq=3");
        request.addHeader("Sec-WebSocket-Protocol", "bearer, proto.token.p");
        assertThat(resolver.resolve(request)).isEqualTo("proto.token.p");

        request = handshake(null);
        request.addHeader("Sec-WebSocket-Protocol", "other");
        request.addHeader("Sec-WebSocket-Protocol", "Bearer");
        request.addHeader("Sec-WebSocket-Protocol", "split.token.s");
        assertThat(resolver.resolve(request)).isEqualTo("split.token.s");

        assertThat(resolver.resolve(handshake("from_seq=1"))).isNull();
    }

    @Test
    void theQueryIsOnlyReadOnGetAndTheSubprotocolOnlyOnHandshakes() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/backtesting/start");
        post.setQueryString("access_token=a.b.c");
        post.addHeader("Sec-WebSocket-Protocol", "bearer, a.b.c");
        assertThat(resolver.resolve(post)).isNull();
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/backtesting");
        get.setQueryString("access_token=a.b.c");
        assertThat(resolver.resolve(get)).isEqualTo("a.b.c");
    }

    @Test
    void malformedTokensAreInvalidTokenErrors() {
        MockHttpServletRequest request = handshake(null);
        request.addHeader("Authorization", "Bearer not a token");
        assertThatThrownBy(() -> resolver.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> resolver.resolve(handshake("access_token="))).isInstanceOf(OAuth2AuthenticationException.class);
        MockHttpServletRequest emptyProtocol = handshake(null);
        emptyProtocol.addHeader("Sec-WebSocket-Protocol", "bearer");
        assertThatThrownBy(() -> resolver.resolve(emptyProtocol)).isInstanceOf(OAuth2AuthenticationException.class);
        MockHttpServletRequest basic = handshake(null);
        basic.addHeader("Authorization", "Basic dXNlcjpwYXNz");
        assertThat(resolver.resolve(basic)).isNull();
    }

    @Test
    void theTokenIsRemovedFromTheQueryAndNothingElse() {
        assertThat(TokenResolver.withoutToken("from_seq=3&access_token=x.y.z&b=2")).isEqualTo("from_seq=3&b=2");
        assertThat(TokenResolver.withoutToken("access_token=x.y.z")).isNull();
        assertThat(TokenResolver.queryToken("a=1&access%5Ftoken=x.y.z")).isEqualTo("x.y.z");
    }
}

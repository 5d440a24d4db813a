package io.tapecast.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityConfigurationTest {

    private static SecuritySettings.Jwt jwt(String secret, String jwks) {
        return new SecuritySettings.Jwt(secret, jwks, null, List.of(), "roles", Duration.ofSeconds(30), true);
    }

    @Test
    void securityOnWithoutAKeyFailsAtStartUpNamingTheSettings() {
        assertThatThrownBy(() -> SecurityConfiguration.jwtDecoder(jwt(null, null)))
                .hasMessageContaining("tapecast.security.jwt.hmac-secret").hasMessageContaining("tapecast.security.enabled=false");
        assertThatThrownBy(() -> SecurityConfiguration.jwtDecoder(jwt("too-short", null))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecurityConfiguration.jwtDecoder(jwt("x".repeat(32), "http://idp/jwks")))
                .hasMessageContaining("not both");
        assertThat(SecurityConfiguration.jwtDecoder(jwt("x".repeat(32), null))).isNotNull();
    }

    @Test
    void theSecretNeverShowsInToString() {
        SecuritySettings.Jwt settings = jwt("a-very-secret-value-of-32-bytes!!", null);
        assertThat(settings.toString()).doesNotContain("a-very-secret").contains("***");
    }

    @Test
    void callersMayAccessTheirOwnRunsAdminsEveryRunAndEveryoneWhenSecurityIsOff() {
        assertThat(new Caller("alice", false, null, "ip", false).mayAccessRunOf("alice")).isTrue();
        assertThat(new Caller("bob", false, null, "ip", false).mayAccessRunOf("alice")).isFalse();
        assertThat(new Caller("bob", false, null, "ip", false).mayAccessRunOf(null)).isFalse();
        assertThat(new Caller("root", true, null, "ip", false).mayAccessRunOf("alice")).isTrue();
        assertThat(Caller.anonymous("ip").mayAccessRunOf("alice")).isTrue();
        assertThat(new Caller(null, false, null, "ip", false).mayAccessRunOf(null)).isFalse();
    }
}

package io.tapecast.standalone.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone demo's mode: security turned off on purpose, said so in /api/ws/stats; headers and limits stay. */
class SecurityOffIT extends PlatformTestBase {

    @Test
    void statsSayThatSecurityIsOffAndResponsesStillCarrySecurityHeaders() {
        Http http = Http.local(port);
        Http.Response stats = http.get("/api/ws/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("security").path("enabled").asBoolean()).isFalse();
        assertThat(stats.json().path("security").path("warning").asString()).contains("SECURITY IS OFF");
        assertThat(stats.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(stats.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(http.get("/api/strategies").status()).isEqualTo(200);
    }
}

package io.tapecast.loadtest;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void parsesACommandAndOptionsInBothSpellings() {
        Options o = Options.parse("fanout", "--clients", "10_000", "--rate=2.5", "--compare-nchan", "http://x:1", "--flag");
        assertThat(o.command()).isEqualTo("fanout");
        assertThat(o.integer("clients", 1)).isEqualTo(10_000);
        assertThat(o.decimal("rate", 1)).isEqualTo(2.5);
        assertThat(o.string("compare-nchan", null)).isEqualTo("http://x:1");
        assertThat(o.flag("flag")).isTrue();
        assertThat(o.integer("streams", 100)).isEqualTo(100);
    }

    @Test
    void rejectsTyposAndBadNumbers() {
        assertThatThrownBy(() -> Options.parse("fanout", "--clinets", "5").requireOnly(Set.of("clients")))
                .hasMessageContaining("--clinets");
        assertThatThrownBy(() -> Options.parse("fanout", "--clients", "many").integer("clients", 1))
                .hasMessageContaining("whole number");
        assertThat(Options.parse().command()).isEqualTo("help");
    }

    @Test
    void theNchanTemplateIsFilledIn() throws Exception {
        String conf = LoadTest.nchanConf("/tmp/x", 8091, "auto", "/m.so");
        assertThat(conf).contains("listen 127.0.0.1:8091", "pid /tmp/x/nginx.pid", "load_module /m.so;", "nchan_publisher",
                "nchan_subscriber websocket").doesNotContain("{{");
    }
}

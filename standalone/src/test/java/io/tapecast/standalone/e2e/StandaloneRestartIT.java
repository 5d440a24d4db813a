package io.tapecast.standalone.e2e;

import io.tapecast.standalone.TapecastStandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone platform exactly as the README's first command runs it — embedded broker and all — on a
 * data dir that survives a restart.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StandaloneRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void aFinishedRunReplaysIdenticallyAfterThePlatformRestartsOnTheSameDataDir() {
        String id;
        List<String> live;
        try (ConfigurableApplicationContext platform = start()) {
            int port = port(platform);
            id = new RestClient(port).start(PlatformTestBase.request("BTC-USD", "1h", "2024-01-01", "2024-03-01"))
                    .path("backtest_id").asString();
            try (WsClient client = WsClient.connect(url(port, id))) {
                assertThat(client.awaitClose(WAIT)).isEqualTo(1000);
                live = client.eventFrames();
            }
        }
        assertThat(live).isNotEmpty();
        assertThat(Files.isDirectory(dataDir.resolve("kafka"))).isTrue();

        try (ConfigurableApplicationContext platform = start()) {
            int port = port(platform);
            assertThat(new RestClient(port).get("/api/backtesting/" + id).json().path("status").asString()).isEqualTo("completed");
            try (WsClient replay = WsClient.connect(url(port, id))) {
                assertThat(replay.awaitClose(WAIT)).isEqualTo(1000);
                assertThat(replay.eventFrames()).isEqualTo(live);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return TapecastStandaloneApplication.run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--tapecast.data-dir=" + dataDir, "--tapecast.broker.port=0", "--tapecast.broker.controller-port=0",
                "--tapecast.security.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String url(int port, String id) {
        return "ws://127.0.0.1:" + port + "/api/ws/stream/backtest/" + id;
    }
}

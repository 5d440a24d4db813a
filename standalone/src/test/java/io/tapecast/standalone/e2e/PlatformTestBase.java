package io.tapecast.standalone.e2e;

import io.tapecast.standalone.TapecastStandaloneApplication;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * The platform (gateway + worker) on the shared test broker, one Spring context for every test class that
 * extends this (the context is cached), reached through a real HTTP and WebSocket client.
 */
@SpringBootTest(classes = TapecastStandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "tapecast.broker.embedded=false",
                // these tests are about delivery; security has its own ITs (security package)
                "tapecast.security.enabled=false"})
abstract class PlatformTestBase {

    static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        KafkaTestBroker.provisionTopics();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("tapecast.data-dir", DATA_DIR::toString);
    }

    RestClient rest() {
        return new RestClient(port);
    }

    String streamUrl(String backtestId) {
        return "ws://127.0.0.1:" + port + "/api/ws/stream/backtest/" + backtestId;
    }

    static String request(String symbol, String timeframe, String start, String end) {
        return """
                {"name":"it","symbol":"%s","timeframes":["%s"],"start_date":"%s","end_date":"%s",
                 "strategy_ids":["sma-crossover"],"params":{"sma-crossover":{"fast":10,"slow":30}},
                 "initial_capital":10000,"fee_bps":10}
                """.formatted(symbol, timeframe, start, end);
    }
}

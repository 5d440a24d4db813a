package io.tapecast.standalone.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, the HMAC secret and Authorization headers never reach the log: every line the JVM logs while a secured
 * gateway starts and serves valid, forged and expired tokens (header, query and subprotocol; REST and WebSocket) is
 * captured, with the gateway's and the frameworks' web and security loggers at DEBUG.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LogHygieneIT {

    private static final List<String> DEBUG_LOGGERS = List.of("io.tapecast", "org.springframework.security",
            "org.springframework.web", "org.springframework.web.socket", "org.apache.tomcat.websocket",
            "org.apache.catalina.connector");

    @Test
    void noTokenSecretOrAuthorizationHeaderIsEverLogged() throws Exception {
        List<String> args = new ArrayList<>(List.of("--tapecast.limits.handshakes-per-ip-per-second=1000"));
        DEBUG_LOGGERS.forEach(name -> args.add("--logging.level." + name + "=DEBUG"));
        List<String> secrets = new ArrayList<>();
        Capture capture = new Capture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<String, Level> levels = new HashMap<>();
        DEBUG_LOGGERS.forEach(name -> levels.put(name, context.getLogger(name).getLevel())); // restored at the end
        // Attached once the context has started: Boot's logging system (re)configures logback while it starts.
        try (SecuredPlatform gateway = SecuredPlatform.gatewayOnly(args.toArray(String[]::new))) {
            capture.setContext(context);
            capture.start();
            DEBUG_LOGGERS.forEach(name -> context.getLogger(name).setLevel(Level.DEBUG));
            root.addAppender(capture);
            String valid = Tokens.user("alice").hs256();
            String forged = Tokens.user("alice").hs256(Tokens.WRONG_SECRET);
            String expired = Tokens.user("alice").expiresAt(Instant.now().minus(Duration.ofMinutes(10))).hs256();
            secrets.addAll(List.of(valid, forged, expired, Tokens.SECRET));
            String id = gateway.parkedRun("alice");
            String url = gateway.ws("/api/ws/stream/backtest/" + id);
            Http http = gateway.http();
            for (String token : List.of(valid, forged, expired)) {
                http.get("/api/backtesting/" + id, Http.bearer(token));
                http.get("/api/backtesting/" + id + "?access_token=" + token);
                http.post("/api/backtesting/start", PlatformTestBase.request("BTC-USD", "1h", "2024-01-01", "2024-02-01"), Http.bearer(token));
                try (SecureWs a = SecureWs.connect(url, List.of("Authorization", "Bearer " + token));
                     SecureWs b = SecureWs.connect(url + "?from_seq=0&access_token=" + token, List.of());
                     SecureWs c = SecureWs.connect(url, List.of(), "bearer", token)) {
                    for (SecureWs client : List.of(a, b, c)) {
                        if (client.opened()) {
                            client.awaitFrame(m -> "connected".equals(m.path("type").asString()), Duration.ofSeconds(30));
                        }
                    }
                }
            }
            http.get("/api/backtesting", "Authorization", "Bearer " + valid.substring(0, 30) + "!!broken");
        } finally {
            root.detachAppender(capture);
            capture.stop();
            levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        }
        List<String> lines = List.copyOf(capture.lines);
        assertThat(lines).as("the capture saw the gateway work").anyMatch(line -> line.contains("session opened"));
        assertThat(lines.size()).isGreaterThan(50);
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a logged line").doesNotContain(secret);
                // a token's signature alone is enough to be a leak
                assertThat(line).doesNotContain(secret.substring(secret.lastIndexOf('.') + 1));
            }
            assertThat(line).doesNotContainIgnoringCase("Bearer ey").doesNotContain("access_token=ey");
        }
    }

    private static final class Capture extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    line.append(' ').append(frame.getSTEAsString());
                }
            }
            lines.add(line.toString());
        }
    }
}

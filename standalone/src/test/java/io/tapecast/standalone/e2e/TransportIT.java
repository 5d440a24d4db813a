package io.tapecast.standalone.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transport: TLS through {@code server.ssl.*} with a self-signed certificate made here by keytool, reached by a
 * {@code https://} and a {@code wss://} client that trust it; permessage-deflate negotiated when a client asks.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TransportIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "changeit";
    private static final String ALICE = Tokens.user("alice").hs256();

    private static Path keyStore;
    private static SecuredPlatform tls;

    @BeforeAll
    static void makeCertificateAndStart() throws Exception {
        Path dir = Files.createTempDirectory("tapecast-tls-");
        keyStore = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "tapecast", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        tls = SecuredPlatform.gatewayOnly(
                "--server.ssl.enabled=true",
                "--server.ssl.key-store=" + keyStore,
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + PASSWORD,
                "--server.ssl.key-alias=tapecast");
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.close();
        }
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("tapecast", store.getCertificate("tapecast"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void httpsAndWssWorkWithTheTestCertificate() throws Exception {
        SSLContext ssl = trustingTheTestCertificate();
        Http https = Http.tls(tls.port(), ssl);
        Http.Response strategies = https.get("/api/strategies", Http.bearer(ALICE));
        assertThat(strategies.status()).isEqualTo(200);
        assertThat(strategies.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(https.get("/api/strategies").status()).isEqualTo(401);

        String id = tls.parkedRun("alice");
        try (SecureWs wss = SecureWs.connect(java.net.http.HttpClient.newBuilder().sslContext(ssl).build(),
                "wss://localhost:" + tls.port() + "/api/ws/stream/backtest/" + id, List.of("Authorization", "Bearer " + ALICE))) {
            assertThat(wss.opened()).isTrue();
            wss.awaitFrame(m -> "connected".equals(m.path("type").asString()), WAIT);
            wss.send("{\"type\":\"ping\"}");
            wss.awaitFrame(m -> "pong".equals(m.path("type").asString()), WAIT);
        }
    }

    @Test
    void permessageDeflateIsNegotiatedWhenAskedForAndOnlyThen() throws Exception {
        try (SecuredPlatform plain = SecuredPlatform.gatewayOnly()) {
            String id = plain.parkedRun("alice");
            String path = "/api/ws/stream/backtest/" + id;
            try (RawHandshake asked = RawHandshake.open(null, plain.port(), path, "Authorization", "Bearer " + ALICE,
                    "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")) {
                assertThat(asked.status).isEqualTo(101);
                assertThat(asked.header("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
            }
            try (RawHandshake notAsked = RawHandshake.open(null, plain.port(), path, "Authorization", "Bearer " + ALICE)) {
                assertThat(notAsked.status).isEqualTo(101);
                assertThat(notAsked.header("Sec-WebSocket-Extensions")).isNull();
                assertThat(notAsked.read(1, WAIT).texts()).hasSize(1).allMatch(t -> t.contains("\"connected\""));
            }
        }
    }
}

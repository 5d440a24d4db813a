package io.tapecast.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code java -jar loadtest/target/tapecast-loadtest.jar <fanout|replay|nchan|nchan-config|help> [--option value …]}.
 * See {@link #USAGE}.
 */
public final class LoadTest {

    static final String USAGE = """
            Tapecast load tool

            java -jar loadtest/target/tapecast-loadtest.jar <command> [--option value ...]

            fanout        S streams, C WebSocket clients spread over them, R events/s for D seconds through Kafka and
                          one gateway; reports delivered events/s, end-to-end latency (HdrHistogram), connect time,
                          close codes, the gateway's heap per idle connection and a bare KafkaConsumer's read rate of
                          the same records. With --compare-nchan URL the same load then runs against nchan and the
                          report gives Tapecast ÷ nchan.
              --gateway URL         gateway base URL                        [http://127.0.0.1:8080]
              --bootstrap HOST:PORT Kafka bootstrap servers                 [127.0.0.1:9092]
              --clients C           WebSocket clients                       [10000]
              --streams S           streams (clients follow stream i mod S) [100]
              --rate R              events/s published, over all streams    [1000]
              --duration D          seconds of publishing                   [30]
              --gateway-pid PID     measure the gateway's heap per idle connection with jcmd (GC.run + GC.heap_info);
                                    'auto' finds the one local tapecast-standalone/gateway JVM   [not measured]
              --compare-nchan URL   also run the same load against nchan, e.g. http://127.0.0.1:8090
              --in-flight N         concurrent WebSocket handshakes         [200]
              --selectors N         HttpClients (selector threads)          [4]
              --callback-threads N  threads running client callbacks        [4]
              --connect-timeout S   seconds for all clients to connect      [180]
              --drain S             seconds to wait for stragglers          [30]
              --run ID              id part of the stream names loadtest_<run>_<n>   [time-based]
              --hold-idle S         keep the idle clients S seconds before publishing (to inspect the gateway) [0]
              --markdown FILE       append the Markdown report to FILE

            replay        publishes a finished run of N events (seq 1..N, a 'complete' last, status 'completed'),
                          then replays it to ONE client, against a bare KafkaConsumer reading the same records.
              --gateway, --bootstrap, --run, --markdown   as above
              --events N            events of the run                       [1000000]
              --noise N             first fill the run's partition with N records of other streams   [0]
              --repeat K            bare-consumer + client rounds           [2]
              --resume-back K       afterwards resume with from_seq = N - K and time the first event  [10]
              --timeout S           seconds one replay may take             [600]

            nchan         the fanout load against nchan only (POST /pub/<channel>, WebSocket /sub/<channel>).
              --nchan URL           [http://127.0.0.1:8090]; --clients --streams --rate --duration ... as for fanout
              --publish-in-flight N outstanding publish requests            [256]
              --nchan-publish http|websocket  POST each message to /pub/<channel> (one at a time per channel, so
                                    in order), or send it as a frame on a WebSocket to /pub/<channel>  [http]

            nchan-config  writes the nginx.conf for nchan (from this jar) and prints how to start and stop it.
              --dir DIR             [/tmp/tapecast-nchan]    --port P [8090]    --workers N|auto [auto]
              --module PATH         [/usr/lib/nginx/modules/ngx_nchan_module.so]
              nginx and the module are not installed by this tool: apt-get install nginx libnginx-mod-nchan

            Clients use the JDK's non-blocking java.net.http WebSocket; for 10,000 clients raise the open-file limit
            (ulimit -n 20000) and start the gateway with --server.tomcat.max-connections=20000 (Tomcat's default is 8192).
            """;

    private static final Set<String> COMMON = Set.of("gateway", "bootstrap", "run", "markdown");
    private static final Set<String> FANOUT = Set.of("clients", "streams", "rate", "duration", "gateway-pid", "compare-nchan",
            "in-flight", "selectors", "callback-threads", "connect-timeout", "drain", "publish-in-flight", "hold-idle", "nchan-publish");

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String commandLine = "java -jar loadtest/target/tapecast-loadtest.jar " + String.join(" ", args);
        try {
            switch (o.command()) {
                case "fanout" -> fanout(o, commandLine, false);
                case "nchan" -> fanout(o, commandLine, true);
                case "replay" -> replay(o, commandLine);
                case "nchan-config" -> nchanConfig(o);
                case "help", "-h", "--help" -> System.out.println(USAGE);
                default -> {
                    System.err.println("unknown command '" + o.command() + "'");
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void fanout(Options o, String commandLine, boolean nchanOnly) throws Exception {
        o.requireOnly(union(COMMON, FANOUT, Set.of("nchan")));
        OptionalLong pid = OptionalLong.empty();
        String pidOption = o.string("gateway-pid", null);
        if (pidOption != null && !nchanOnly) {
            pid = pidOption.equals("auto") ? Heap.findGatewayPid() : OptionalLong.of(Long.parseLong(pidOption));
            if (pid.isEmpty()) {
                System.err.println("no gateway JVM found; heap per connection is not measured");
            }
        }
        String run = o.string("run", Long.toString(System.currentTimeMillis() / 1000 % 100_000_000, 36));
        Fanout.Config cfg = new Fanout.Config(run, o.integer("clients", 10_000), o.integer("streams", 100),
                o.decimal("rate", 1000), o.decimal("duration", 30), o.integer("in-flight", 200), o.integer("selectors", 4),
                o.integer("callback-threads", 4), Duration.ofSeconds(o.number("connect-timeout", 180)),
                Duration.ofSeconds(o.number("drain", 30)), pid, Duration.ofSeconds(o.number("hold-idle", 0)));
        if (cfg.clients() < 1 || cfg.streams() < 1 || cfg.streams() > cfg.clients()) {
            throw new IllegalArgumentException("need 1 ≤ streams ≤ clients");
        }
        Fanout.Result tapecast = null;
        Fanout.Result nchan = null;
        if (!nchanOnly) {
            try (TapecastTarget t = new TapecastTarget(o.string("gateway", "http://127.0.0.1:8080"),
                    o.string("bootstrap", "127.0.0.1:9092"))) {
                tapecast = Fanout.run(t, cfg);
            }
        }
        String nchanUrl = nchanOnly ? o.string("nchan", "http://127.0.0.1:8090") : o.string("compare-nchan", null);
        if (nchanUrl != null) {
            if (tapecast != null) {
                System.gc();
                Thread.sleep(2000);
            }
            Fanout.Config ncfg = new Fanout.Config(run + "n", cfg.clients(), cfg.streams(), cfg.rate(), cfg.seconds(),
                    cfg.inFlight(), cfg.selectors(), cfg.callbackThreads(), cfg.connectTimeout(), cfg.drainTimeout(),
                    OptionalLong.empty(), cfg.holdIdle());
            try (NchanTarget n = new NchanTarget(nchanUrl, o.integer("publish-in-flight", 256),
                    o.string("nchan-publish", "http").equalsIgnoreCase("websocket"))) {
                nchan = Fanout.run(n, ncfg);
            }
        }
        emit(o, Report.fanout(tapecast, nchan, commandLine));
    }

    private static void replay(Options o, String commandLine) throws Exception {
        o.requireOnly(union(COMMON, Set.of("events", "noise", "repeat", "resume-back", "timeout")));
        String run = o.string("run", Long.toString(System.currentTimeMillis() / 1000 % 100_000_000, 36));
        Replay.Config cfg = new Replay.Config(run, o.string("gateway", "http://127.0.0.1:8080"),
                o.string("bootstrap", "127.0.0.1:9092"), o.number("events", 1_000_000), o.number("noise", 0),
                o.integer("repeat", 2), o.number("resume-back", 10), Duration.ofSeconds(o.number("timeout", 600)));
        if (cfg.events() < 2) {
            throw new IllegalArgumentException("--events must be at least 2");
        }
        emit(o, Report.replay(Replay.run(cfg), commandLine));
    }

    private static void nchanConfig(Options o) throws IOException {
        o.requireOnly(Set.of("dir", "port", "workers", "module"));
        Path dir = Path.of(o.string("dir", "/tmp/tapecast-nchan")).toAbsolutePath();
        Files.createDirectories(dir);
        String conf = nchanConf(dir.toString(), o.integer("port", 8090), o.string("workers", "auto"),
                o.string("module", "/usr/lib/nginx/modules/ngx_nchan_module.so"));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        System.out.printf(Locale.ROOT, """
                wrote %s
                install (once, as root):  apt-get install nginx libnginx-mod-nchan   (nginx-light works too)
                start:                    nginx -p %s -c %s
                stop:                     nginx -p %s -c %s -s quit
                then:                     java -jar loadtest/target/tapecast-loadtest.jar fanout --compare-nchan http://127.0.0.1:%d ...
                """, file, dir, file, dir, file, o.integer("port", 8090));
    }

    static String nchanConf(String prefix, int port, String workers, String module) throws IOException {
        try (InputStream in = LoadTest.class.getResourceAsStream("/nchan/nginx.conf")) {
            if (in == null) {
                throw new IOException("nchan/nginx.conf is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{PREFIX}}", prefix)
                    .replace("{{PORT}}", Integer.toString(port))
                    .replace("{{WORKERS}}", workers)
                    .replace("{{MODULE}}", module);
        }
    }

    private static void emit(Options o, String markdown) throws IOException {
        System.out.println(markdown);
        String file = o.string("markdown", null);
        if (file != null) {
            Files.writeString(Path.of(file), markdown, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}

package io.tapecast.cluster.drill;

import io.tapecast.schemas.Topics;
import io.tapecast.schemas.WireJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The failure drills of issue 8, against the local cluster of {@code scripts/cluster.sh}: each starts a batch of
 * backtests with several WebSocket clients per run, injects one fault while the runs are being produced and streamed,
 * waits for every stream to end and checks what the platform promises — every stream completes, each client saw
 * every seq exactly once (0 lost, 0 duplicated), every view of a run carries the same data, and a later replay equals
 * what the clients saw live.
 *
 * <pre>
 * scripts/drills.sh [broker] [gateway] [worker] [restart]      (all four by default)
 * </pre>
 *
 * Options (system properties): {@code drill.runs} (runs per drill, default 16), {@code drill.clients} (clients per
 * run, default 2), {@code drill.months} (simulated months of 1-minute candles per run, default 2: about 6,000 events
 * and 6 s of worker time each), {@code drill.client-rate} (messages per second each viewer reads, default 1000, so a
 * run's stream lasts several seconds for its viewers, like a dashboard's; 0 = as fast as possible).
 */
public final class Drills {

    private final LocalCluster cluster;
    private final HttpClient http;
    private final Api api;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final int runsPerDrill = Integer.getInteger("drill.runs", 16);
    private final int clientsPerRun = Integer.getInteger("drill.clients", 2);
    private final int months = Integer.getInteger("drill.months", 2);
    private final double clientRate = Double.parseDouble(System.getProperty("drill.client-rate", "1000"));
    private final Duration streamTimeout = Duration.ofMinutes(Integer.getInteger("drill.timeout-minutes", 8));
    private final List<String> finishedRuns = new ArrayList<>();
    private final Map<String, String> liveDataDigests = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();
    private List<URI> gateways;
    private URI lb;
    private int runCounter;

    private Drills(LocalCluster cluster, String jwtSecret) {
        this.cluster = cluster;
        ExecutorService executor = Executors.newFixedThreadPool(4);
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
        this.api = new Api(http, jwtSecret);
    }

    /** One drill's outcome: a row of RELIABILITY.md. */
    record Result(String drill, boolean passed, int runs, int clients, long events, long lost, long duplicated,
                  String fault, String recovery, String notes, long seconds) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("drill.root", ".")).toAbsolutePath().normalize();
        List<String> names = args.length == 0 || (args.length == 1 && args[0].equals("all"))
                ? List.of("broker", "gateway", "worker", "restart") : List.of(args);
        LocalCluster cluster = new LocalCluster(root);
        long began = System.nanoTime();
        Log.info("bringing the local cluster up (scripts/cluster.sh up)");
        cluster.up();
        String secret = cluster.run("jwt-secret");
        Drills drills = new Drills(cluster, secret);
        drills.gateways = cluster.gateways();
        drills.lb = cluster.loadBalancer();
        for (String name : names) {
            long start = System.nanoTime();
            Log.info("=== drill: " + name);
            Result r;
            try {
                r = switch (name) {
                    case "broker" -> drills.brokerDrill();
                    case "gateway" -> drills.gatewayDrill();
                    case "worker" -> drills.workerDrill();
                    case "restart" -> drills.restartDrill();
                    default -> throw new IllegalArgumentException("unknown drill " + name + " (broker gateway worker restart)");
                };
            } catch (RuntimeException | AssertionError e) {
                e.printStackTrace(System.out);
                r = new Result(name, false, 0, 0, 0, 0, 0, "-", "-", "aborted: " + e, 0);
            }
            long secs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            r = new Result(r.drill(), r.passed(), r.runs(), r.clients(), r.events(), r.lost(), r.duplicated(), r.fault(),
                    r.recovery(), r.notes(), secs);
            drills.results.add(r);
            Log.info((r.passed() ? "PASSED " : "FAILED ") + r);
            cluster.up(); // whatever a drill left stopped comes back before the next one
        }
        long total = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        String report = drills.report(names, total);
        Path out = root.resolve("cluster/target/drills"); // outside data/cluster, which `drills.sh --fresh` deletes
        Files.createDirectories(out);
        Path file = out.resolve("report-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        Log.info("report written to " + file);
        drills.scheduler.shutdownNow();
        boolean ok = drills.results.stream().allMatch(Result::passed);
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------- the drills

    private Result brokerDrill() throws Exception {
        Batch batch = startBatch(i -> gateways.get(i % gateways.size()), (i, attempt) -> gateways.get((i + attempt) % gateways.size()));
        waitUntil("a quarter of the runs finished", Duration.ofMinutes(5), () -> batch.finishedRuns() >= runsPerDrill / 4);
        String victim = leaderOfARunningRun(batch);
        long killedAt = System.nanoTime();
        cluster.kill9(victim);
        batch.await();
        long afterKill = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
        Log.info("all streams ended " + afterKill + " s after the kill; restarting " + victim);
        long restartAt = System.nanoTime();
        cluster.start(victim);
        awaitFullIsr(Duration.ofMinutes(3));
        long isr = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restartAt);
        Verdict v = batch.verify();
        long maxPause = batch.clients.stream().mapToLong(StreamClient::maxPauseMillis).max().orElse(0);
        return v.result("kill -9 one broker of three", "kill -9 " + victim + " (leader of a streaming run's partition)",
                "longest pause between two events seen by any client: " + maxPause + " ms; all "
                        + Topics.BACKTEST_EVENTS + " partitions back to 3 in-sync replicas " + isr
                        + " s after the restart command", "streams ended " + afterKill + " s after the kill");
    }

    private Result gatewayDrill() throws Exception {
        // client 0 of each run on gateway-1, client 1 on gateway-2; reconnects go through the load balancer when
        // there is one (nginx skips the dead node), else straight to the other gateway
        IntFunction<URI> first = i -> gateways.get(i % gateways.size());
        Batch batch = startBatch(first, (i, attempt) -> lb != null ? lb : gateways.get((i + attempt) % gateways.size()));
        waitUntil("a quarter of the runs finished", Duration.ofMinutes(5), () -> batch.finishedRuns() >= runsPerDrill / 4);
        List<StreamClient> onVictim = batch.clients.stream().filter(c -> "gateway-1".equals(c.currentGateway())).toList();
        List<StreamClient> midStream = onVictim.stream().filter(c -> c.receivedEvents() && !c.finished()).toList();
        long killedAt = System.nanoTime();
        cluster.kill9("gateway-1");
        batch.await();
        List<Long> recoveries = new ArrayList<>();
        int unfinishedAtKill = 0;
        for (StreamClient c : onVictim) {
            c.connectedAtNanos().stream().filter(t -> t > killedAt).findFirst()
                    .ifPresent(t -> recoveries.add(TimeUnit.NANOSECONDS.toMillis(t - killedAt)));
        }
        unfinishedAtKill = recoveries.size();
        List<Long> firstEvent = midStream.stream().flatMap(c -> c.recoveryMillis().stream()).sorted().toList();
        cluster.start("gateway-1");
        Verdict v = batch.verify();
        boolean moved = onVictim.stream().filter(c -> !c.recoveryMillis().isEmpty())
                .allMatch(c -> "gateway-2".equals(c.currentGateway()));
        String recovery = String.format("%d of %d clients on gateway-1 were streaming or waiting at the kill (%d mid-stream) and "
                        + "reconnected with from_seq%s: connected again (on gateway-2) median %s ms, max %s ms after the kill; "
                        + "%d of them had more events to receive after the reconnect: disconnect → next event median %s ms, "
                        + "max %s ms",
                unfinishedAtKill, onVictim.size(), midStream.size(), lb != null ? " through the load balancer" : " to gateway-2",
                median(recoveries), max(recoveries), firstEvent.size(), median(firstEvent), max(firstEvent));
        if (!moved) {
            v.failures.add("a reconnected client did not end on gateway-2");
        }
        if (midStream.isEmpty()) {
            v.failures.add("no client of gateway-1 was mid-stream at the kill: the drill proved nothing");
        }
        return v.result("kill -9 a gateway holding half the clients", "kill -9 gateway-1", recovery, "");
    }

    private Result workerDrill() throws Exception {
        Batch batch = startBatch(i -> gateways.get(i % gateways.size()), (i, attempt) -> gateways.get((i + attempt) % gateways.size()));
        waitUntil("a run computing on worker-1 for 1 s", Duration.ofMinutes(5),
                () -> !runningOn(batch, "worker-1").isEmpty());
        Api.sleep(1000);
        List<String> victims = runningOn(batch, "worker-1");
        long killedAt = System.nanoTime();
        cluster.kill9("worker-1");
        batch.await();
        long afterKill = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
        cluster.start("worker-1");
        Verdict v = batch.verify();
        List<String> notes = new ArrayList<>();
        int moved = 0;
        for (String id : victims) {
            JsonNode s = api.status(gateways.get(0), id);
            String complete = batch.clients.stream().filter(c -> c.runId.equals(id)).findFirst().map(StreamClient::lastEvent).orElse("");
            int attempts = complete.isEmpty() ? 0 : WireJson.mapper().readTree(complete).path("data").path("attempts").asInt();
            notes.add(id + " finished on " + s.path("worker").asString() + " as attempt " + attempts);
            if ("worker-2".equals(s.path("worker").asString()) && attempts >= 2) {
                moved++;
            }
        }
        if (moved == 0) {
            v.failures.add("no run was cut off on worker-1 and completed on worker-2: the drill proved nothing");
        }
        long resumed = batch.clients.stream().filter(c -> victims.contains(c.runId)).mapToLong(StreamClient::maxPauseMillis)
                .max().orElse(0);
        return v.result("kill -9 a worker mid-run", "kill -9 worker-1 while it computed " + victims.size() + " run(s)",
                moved + " cut-off run(s) ran again on worker-2 (attempt 2) after the group noticed (session timeout 10 s); "
                        + "their viewers waited at most " + resumed + " ms between two events and saw no gap and no repeat; "
                        + "every stream ended " + afterKill + " s after the kill", String.join("; ", notes));
    }

    private Result restartDrill() throws Exception {
        if (finishedRuns.isEmpty()) {
            Batch batch = startBatch(i -> gateways.get(i % gateways.size()), (i, attempt) -> gateways.get((i + attempt) % gateways.size()));
            batch.await();
            Verdict v = batch.verify();
            if (!v.failures.isEmpty()) {
                return v.result("stop everything, start again", "-", "-", "the runs to replay did not stream cleanly");
            }
        }
        List<String> runs = List.copyOf(finishedRuns);
        Map<String, Replay> before = replayAll(runs);
        long downAt = System.nanoTime();
        cluster.down();
        long downSecs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downAt);
        long upAt = System.nanoTime();
        cluster.up();
        long upSecs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - upAt);
        Map<String, Replay> after = replayAll(runs);
        List<String> failures = new ArrayList<>();
        long events = 0;
        for (String id : runs) {
            Replay b = before.get(id);
            Replay a = after.get(id);
            events += a.events;
            if (!b.raw.equals(a.raw)) {
                failures.add(id + ": replay after the restart differs (raw digest " + b.raw + " → " + a.raw + ")");
            }
            String live = liveDataDigests.get(id);
            if (live != null && !live.equals(a.data)) {
                failures.add(id + ": replay differs from what the live clients saw");
            }
        }
        return new Result("stop everything and start again", failures.isEmpty(), runs.size(), runs.size() * 2, events,
                0, 0, "scripts/cluster.sh down (SIGTERM to every process) then up",
                "down " + downSecs + " s, up " + upSecs + " s; " + (runs.size() - failures.size()) + " of " + runs.size()
                        + " finished runs replay byte-identically (SHA-256 of every frame, timestamps included), and each "
                        + "equals what its live clients saw",
                String.join("; ", failures), 0);
    }

    // ---------------------------------------------------------------- batches of runs and their viewers

    interface Reconnect {
        URI endpoint(int clientIndex, int attempt);
    }

    private Batch startBatch(IntFunction<URI> firstEndpoint, Reconnect reconnect) {
        Batch batch = new Batch();
        List<URI> rest = lb != null ? List.of(lb) : gateways;
        for (int r = 0; r < runsPerDrill; r++) {
            String id = api.start(rest, spec(runCounter++));
            batch.runs.add(id);
            for (int c = 0; c < clientsPerRun; c++) {
                int index = c;
                StreamClient client = new StreamClient(id, c, http, api.token(),
                        attempt -> attempt == 0 ? firstEndpoint.apply(index) : reconnect.endpoint(index, attempt), scheduler,
                        clientRate);
                batch.clients.add(client);
                client.start();
            }
        }
        Log.info("started " + runsPerDrill + " runs with " + batch.clients.size() + " clients");
        return batch;
    }

    private final class Batch {
        final List<String> runs = new ArrayList<>();
        final List<StreamClient> clients = new ArrayList<>();

        int finishedRuns() {
            Set<String> done = clients.stream().filter(StreamClient::finished).map(c -> c.runId).collect(Collectors.toSet());
            return done.size();
        }

        void await() throws InterruptedException {
            long deadline = System.nanoTime() + streamTimeout.toNanos();
            for (StreamClient c : clients) {
                c.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            Log.info("streams ended: " + clients.stream().filter(StreamClient::finished).count() + " of " + clients.size());
        }

        Verdict verify() throws InterruptedException {
            Verdict v = new Verdict(runs.size(), clients.size());
            Map<String, Replay> replays = replayAll(runs);
            for (StreamClient c : clients) {
                v.events += c.events();
                v.lost += c.lost();
                v.duplicated += c.duplicates();
                String who = c.runId + " client " + c.index;
                if (!c.finished()) {
                    v.failures.add(who + " did not finish (last seq " + c.lastSeq() + ", closes " + c.closeCodes() + ")");
                    continue;
                }
                Replay replay = replays.get(c.runId);
                if (c.lastSeq() != replay.lastSeq) {
                    v.lost += Math.max(0, replay.lastSeq - c.lastSeq());
                    v.failures.add(who + " ended at seq " + c.lastSeq() + " but the run has " + replay.lastSeq);
                }
                if (c.completes() != 1 || !"complete".equals(c.endType())) {
                    v.failures.add(who + " saw " + c.completes() + " end events, last " + c.endType());
                }
                if (!c.dataDigest().equals(replay.data)) {
                    v.failures.add(who + " saw different data than a replay of the run");
                }
            }
            if (v.lost > 0 || v.duplicated > 0) {
                v.failures.add(v.lost + " events lost, " + v.duplicated + " duplicated");
            }
            if (v.failures.isEmpty()) {
                for (String id : runs) {
                    finishedRuns.add(id);
                    liveDataDigests.put(id, replays.get(id).data);
                }
            }
            return v;
        }
    }

    private static final class Verdict {
        final int runs;
        final int clients;
        long events;
        long lost;
        long duplicated;
        final List<String> failures = new ArrayList<>();

        Verdict(int runs, int clients) {
            this.runs = runs;
            this.clients = clients;
        }

        Result result(String drill, String fault, String recovery, String notes) {
            String all = failures.isEmpty() ? notes : String.join("; ", failures) + (notes.isEmpty() ? "" : "; " + notes);
            return new Result(drill, failures.isEmpty(), runs, clients, events, lost, duplicated, fault, recovery, all, 0);
        }
    }

    private record Replay(long lastSeq, long events, String raw, String data) {
    }

    /** A fresh client per run from seq 1, alternating gateways, eight at a time. */
    private Map<String, Replay> replayAll(Collection<String> runs) throws InterruptedException {
        Map<String, Replay> replays = new LinkedHashMap<>();
        List<String> list = List.copyOf(runs);
        for (int from = 0; from < list.size(); from += 8) {
            List<StreamClient> wave = new ArrayList<>();
            for (String id : list.subList(from, Math.min(list.size(), from + 8))) {
                int n = wave.size() + from;
                StreamClient c = new StreamClient(id, 99, http, api.token(), attempt -> gateways.get((n + attempt) % gateways.size()), scheduler);
                wave.add(c);
                c.start();
            }
            for (StreamClient c : wave) {
                if (!c.await(Duration.ofMinutes(2)) || c.duplicates() > 0 || c.lost() > 0 || c.events() != c.lastSeq()) {
                    throw new AssertionError("replay of " + c.runId + " did not complete cleanly (last seq " + c.lastSeq()
                            + ", events " + c.events() + ")");
                }
                replays.put(c.runId, new Replay(c.lastSeq(), c.events(), c.rawDigest(), c.dataDigest()));
            }
        }
        return replays;
    }

    // ---------------------------------------------------------------- helpers

    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD", "DOT-USD",
            "AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "TSLA");

    private String spec(int n) {
        LocalDate start = LocalDate.of(2022, 1, 1).plusWeeks(n % 52);
        LocalDate end = start.plusMonths(months);
        return "{\"name\":\"drill " + n + "\",\"symbol\":\"" + SYMBOLS.get(n % SYMBOLS.size()) + "\",\"timeframes\":[\"1m\"],"
                + "\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\",\"strategy_ids\":[\"sma-crossover\"],"
                + "\"params\":{\"sma-crossover\":{\"fast\":10,\"slow\":30}},\"fee_bps\":10}";
    }

    private List<String> runningOn(Batch batch, String worker) {
        List<String> running = new ArrayList<>();
        for (String id : batch.runs) {
            JsonNode s = api.status(gateways.get(1), id);
            if (s != null && "running".equals(s.path("status").asString()) && worker.equals(s.path("worker").asString())) {
                running.add(id);
            }
        }
        return running;
    }

    /** The broker leading the {@code backtest.events} partition of a run being produced right now. */
    private String leaderOfARunningRun(Batch batch) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicDescription events = admin.describeTopics(List.of(Topics.BACKTEST_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.BACKTEST_EVENTS);
            int partitions = events.partitions().size();
            // a run whose viewers are receiving events right now is being produced (or replayed) from that partition
            for (StreamClient c : batch.clients) {
                if (c.receivedEvents() && !c.finished()) {
                    int p = Utils.toPositive(Utils.murmur2(c.runId.getBytes(StandardCharsets.UTF_8))) % partitions;
                    TopicPartitionInfo info = events.partitions().get(p);
                    Log.info(c.runId + " is streaming; its partition " + p + " is led by node " + info.leader().id());
                    return "kafka-" + info.leader().id();
                }
            }
        }
        return "kafka-2";
    }

    /** Seconds until every partition of every platform topic has 3 in-sync replicas again. */
    private long awaitFullIsr(Duration timeout) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            waitUntil("all partitions fully replicated", timeout, () -> {
                try {
                    Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                            .flatMap(t -> t.partitions().stream())
                            .allMatch(p -> p.isr().size() == p.replicas().size());
                } catch (Exception e) {
                    return false;
                }
            });
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Api.sleep(250);
        }
        Log.info("reached: " + what);
    }

    private static String median(List<Long> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return Long.toString(sorted.get(sorted.size() / 2));
    }

    private static String max(List<Long> values) {
        return values.stream().max(Long::compare).map(String::valueOf).orElse("-");
    }

    private String report(List<String> names, long totalSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `scripts/drills.sh ").append(String.join(" ", names)).append("` — ")
                .append(runsPerDrill).append(" runs × ").append(clientsPerRun).append(" clients per drill, ")
                .append(months).append(" month(s) of 1-minute candles per run, viewers reading ≤ ")
                .append(clientRate > 0 ? String.valueOf((long) clientRate) : "∞").append(" messages/s; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; total ")
                .append(totalSeconds).append(" s including cluster start-up.\n\n");
        md.append("| drill | result | runs | clients | events delivered | lost | duplicated | fault | recovery | time |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append("| ").append(r.drill()).append(" | ").append(r.passed() ? "**pass**" : "**FAIL**").append(" | ")
                    .append(r.runs()).append(" | ").append(r.clients()).append(" | ").append(r.events()).append(" | ")
                    .append(r.lost()).append(" | ").append(r.duplicated()).append(" | ").append(r.fault()).append(" | ")
                    .append(r.recovery()).append(" | ").append(r.seconds()).append(" s |\n");
        }
        for (Result r : results) {
            if (!r.notes().isBlank()) {
                md.append("\n- ").append(r.drill()).append(": ").append(r.notes());
            }
        }
        return md.append('\n').toString();
    }
}

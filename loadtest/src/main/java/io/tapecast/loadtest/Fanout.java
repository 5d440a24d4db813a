package io.tapecast.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The fan-out scenario against one target: S streams, C clients spread over them, R events/s for D seconds.
 */
final class Fanout {

    record Config(String run, int clients, int streams, double rate, double seconds, int inFlight, int selectors,
                  int callbackThreads, Duration connectTimeout, Duration drainTimeout, OptionalLong gatewayPid,
                  Duration holdIdle) {
    }

    record Result(String target, Config config,
                  int connected, int failedToOpen, double connectWallSeconds, Latency.Summary connectLatency,
                  OptionalLong heapBefore, OptionalLong heapAfter,
                  long published, double publishedPerSecond, long publishErrors,
                  long expected, long deliveredInWindow, double deliveredPerSecondInWindow,
                  long delivered, double deliveredPerSecond, double drainSeconds,
                  Latency.Summary latency, long outOfOrder,
                  Map<Integer, Integer> closesDuringRun, Map<Integer, Integer> closesAtEnd, List<String> errors,
                  Kafka.ReadResult bare) {

        OptionalLong heapPerConnection() {
            if (heapBefore.isEmpty() || heapAfter.isEmpty() || connected == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of((heapAfter.getAsLong() - heapBefore.getAsLong()) / connected);
        }
    }

    private Fanout() {
    }

    static Result run(Target target, Config cfg) throws Exception {
        List<String> ids = Spread.streamIds(cfg.run(), cfg.streams());
        log("%s: preparing %,d streams", target.name(), cfg.streams());
        long firstSeq = target.prepare(ids);

        OptionalLong heapBefore = OptionalLong.empty();
        if (cfg.gatewayPid().isPresent()) {
            heapBefore = Heap.usedAfterGc(cfg.gatewayPid().getAsLong());
            log("gateway heap used after GC, before connecting: %s", mib(heapBefore));
        }

        WsClient.Shared shared = new WsClient.Shared(cfg.clients(), target.connectedOnOpen(), firstSeq);
        List<WsClient> clients = new ArrayList<>(cfg.clients());
        for (int i = 0; i < cfg.clients(); i++) {
            clients.add(new WsClient(ids.get(Spread.streamOf(i, cfg.streams())), shared));
        }
        try (Clients pool = new Clients(cfg.selectors(), cfg.callbackThreads(), cfg.connectTimeout())) {
            log("%s: opening %,d WebSocket clients (%d handshakes in flight)", target.name(), cfg.clients(), cfg.inFlight());
            long connectStart = System.nanoTime();
            pool.openAll(cfg.clients(), i -> target.subscribeUri(clients.get(i).streamId), clients::get, cfg.inFlight());
            long deadline = connectStart + cfg.connectTimeout().toNanos() + Duration.ofSeconds(30).toNanos();
            int connected;
            int failed;
            while (true) {
                connected = 0;
                failed = 0;
                for (WsClient c : clients) {
                    if (c.isConnected()) {
                        connected++;
                    } else if (c.error != null || c.closeCode >= 0) {
                        failed++;
                    }
                }
                if (connected + failed >= cfg.clients() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(20);
            }
            long lastConnected = clients.stream().mapToLong(c -> c.connectedNanos).max().orElse(connectStart);
            double connectWall = (Math.max(lastConnected, connectStart) - connectStart) / 1e9;
            log("%s: %,d connected, %,d failed, in %.1f s", target.name(), connected, failed, connectWall);

            if (firstSeq > 1) {
                // Tapecast: each session first replays seq 1 from Kafka; wait until every session is live.
                long liveDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < liveDeadline
                        && clients.stream().anyMatch(c -> c.isConnected() && c.closeCode < 0 && c.lastSeq < firstSeq - 1)) {
                    Thread.sleep(50);
                }
            }

            OptionalLong heapAfter = OptionalLong.empty();
            if (cfg.gatewayPid().isPresent()) {
                heapAfter = Heap.usedAfterGc(cfg.gatewayPid().getAsLong());
                log("gateway heap used after GC, with %,d idle clients: %s", connected, mib(heapAfter));
            }

            if (!cfg.holdIdle().isZero()) {
                log("holding %,d idle clients for %s (e.g. for jcmd <gateway-pid> GC.class_histogram)", connected, cfg.holdIdle());
                Thread.sleep(cfg.holdIdle().toMillis());
            }

            // ---- timed phase ----
            long total = RatePacer.eventsFor(cfg.rate(), cfg.seconds());
            long[] next = new long[cfg.streams()];
            java.util.Arrays.fill(next, firstSeq);
            log("%s: publishing %,d events at %,.0f/s for %.0f s", target.name(), total, cfg.rate(), cfg.seconds());
            long publishStart = System.nanoTime();
            RatePacer pacer = new RatePacer(cfg.rate(), publishStart, total);
            long sent = 0;
            long nextReport = publishStart + 1_000_000_000L;
            long lastMeasured = 0;
            while (!pacer.done(sent)) {
                long now = System.nanoTime();
                long due = pacer.dueBy(now);
                while (sent < due) {
                    int s = (int) (sent % cfg.streams());
                    target.publish(ids.get(s), next[s]++);
                    sent++;
                }
                if (now >= nextReport) {
                    long m = shared.measured.sum();
                    log("  t=%2.0fs published %,d  delivered %,d/s", (now - publishStart) / 1e9, sent, m - lastMeasured);
                    lastMeasured = m;
                    nextReport += 1_000_000_000L;
                }
                if (!pacer.done(sent)) {
                    long wait = pacer.dueAtNanos(sent) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(Math.min(wait, 1_000_000L));
                    }
                }
            }
            long publishEnd = System.nanoTime();
            long inWindow = shared.measured.sum();
            long publishErrors = target.flush();
            double publishSeconds = (publishEnd - publishStart) / 1e9;

            long expected = 0;
            for (int i = 0; i < clients.size(); i++) {
                WsClient c = clients.get(i);
                if (c.isConnected() && c.closeCode < 0) {
                    expected += next[Spread.streamOf(i, cfg.streams())] - firstSeq;
                }
            }
            long drainDeadline = System.nanoTime() + cfg.drainTimeout().toNanos();
            while (shared.measured.sum() < expected && System.nanoTime() < drainDeadline) {
                Thread.sleep(20);
            }
            long delivered = shared.measured.sum();
            long lastEvent = clients.stream().mapToLong(c -> c.lastEventNanos).max().orElse(publishEnd);
            double deliverSeconds = Math.max(publishSeconds, (lastEvent - publishStart) / 1e9);
            Latency.Summary latency = shared.latency.summary();
            long outOfOrder = clients.stream().mapToLong(c -> c.outOfOrder).sum();
            Map<Integer, Integer> closesDuringRun = closeCodes(clients);
            List<String> errors = errors(clients);
            log("%s: delivered %,d of %,d expected; %s", target.name(), delivered, expected, latency.line());

            Kafka.ReadResult bare = null;
            if (target instanceof TapecastTarget t) {
                var end = Kafka.endOffsets(t.bootstrap(), t.eventsTopic());
                bare = Kafka.readRange(t.bootstrap(), t.startOffsets(), end, null);
                log("bare KafkaConsumer: %,d records in %.2f s = %,.0f records/s", bare.records(), bare.nanos() / 1e9,
                        bare.recordsPerSecond());
            }

            long[] lastSeq = new long[cfg.streams()];
            for (int s = 0; s < cfg.streams(); s++) {
                lastSeq[s] = next[s] - 1;
            }
            target.finish(ids, lastSeq);
            long closeDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (target instanceof TapecastTarget && System.nanoTime() < closeDeadline
                    && clients.stream().anyMatch(c -> c.isConnected() && !c.closed().isDone())) {
                Thread.sleep(50);
            }
            Map<Integer, Integer> closesAtEnd = closeCodes(clients);
            Clients.closeAll(clients, Duration.ofSeconds(20));

            return new Result(target.name(), cfg, connected, failed, connectWall, shared.connect.summary(),
                    heapBefore, heapAfter, sent, sent / publishSeconds, publishErrors,
                    expected, inWindow, inWindow / publishSeconds, delivered, delivered / deliverSeconds,
                    (lastEvent - publishEnd) / 1e9, latency, outOfOrder, closesDuringRun, closesAtEnd, errors, bare);
        }
    }

    static Map<Integer, Integer> closeCodes(List<WsClient> clients) {
        Map<Integer, Integer> codes = new TreeMap<>();
        for (WsClient c : clients) {
            if (c.closeCode >= 0) {
                codes.merge(c.closeCode, 1, Integer::sum);
            }
        }
        return codes;
    }

    static List<String> errors(List<WsClient> clients) {
        Map<String, Integer> counts = new TreeMap<>();
        for (WsClient c : clients) {
            if (c.error != null) {
                Throwable root = c.error;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                counts.merge(root.getClass().getSimpleName() + ": " + root.getMessage(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((k, v) -> lines.add(v + " × " + k));
        return lines;
    }

    static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}

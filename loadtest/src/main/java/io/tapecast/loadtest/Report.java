package io.tapecast.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Renders results as a Markdown section (printed to stdout, and appended to {@code --markdown FILE}). */
final class Report {

    private Report() {
    }

    static String fanout(Fanout.Result tapecast, Fanout.Result nchan, String commandLine) {
        StringBuilder b = new StringBuilder();
        Fanout.Config c = (tapecast != null ? tapecast : nchan).config();
        b.append(String.format(Locale.ROOT, "### fanout: %,d clients over %,d streams, %,.0f events/s published for %.0f s (run %s)%n%n",
                c.clients(), c.streams(), c.rate(), c.seconds(), c.run()));
        b.append("`").append(commandLine).append("`\n\n");
        boolean both = tapecast != null && nchan != null;
        b.append(both ? "| figure | Tapecast | nchan | Tapecast ÷ nchan |\n|---|---|---|---|\n" : "| figure | " + (tapecast != null ? "Tapecast" : "nchan") + " |\n|---|---|\n");
        row(b, both, "clients connected (failed)", tapecast, nchan, r -> String.format(Locale.ROOT, "%,d (%,d)", r.connected(), r.failedToOpen()), null);
        row(b, both, "connect: all clients, wall time", tapecast, nchan, r -> String.format(Locale.ROOT, "%.1f s", r.connectWallSeconds()), null);
        row(b, both, "connect: per client p50 / p99 / max", tapecast, nchan, r -> Latency.Summary.fmt(r.connectLatency().p50Ms()) + " / "
                + Latency.Summary.fmt(r.connectLatency().p99Ms()) + " / " + Latency.Summary.fmt(r.connectLatency().maxMs()), null);
        row(b, both, "events published (achieved rate)", tapecast, nchan, r -> String.format(Locale.ROOT, "%,d (%,.0f/s)", r.published(), r.publishedPerSecond()), null);
        row(b, both, "deliveries expected / received", tapecast, nchan, r -> String.format(Locale.ROOT, "%,d / %,d", r.expected(), r.delivered()), null);
        row(b, both, "**delivered events/s** (all received ÷ first publish → last receive)", tapecast, nchan,
                r -> String.format(Locale.ROOT, "**%,.0f**", r.deliveredPerSecond()), Fanout.Result::deliveredPerSecond);
        row(b, both, "delivered events/s within the publish window", tapecast, nchan,
                r -> String.format(Locale.ROOT, "%,.0f", r.deliveredPerSecondInWindow()), Fanout.Result::deliveredPerSecondInWindow);
        row(b, both, "drain after the last publish", tapecast, nchan, r -> String.format(Locale.ROOT, "%.2f s", r.drainSeconds()), null);
        row(b, both, "latency p50", tapecast, nchan, r -> Latency.Summary.fmt(r.latency().p50Ms()), r -> r.latency().p50Ms());
        row(b, both, "**latency p99**", tapecast, nchan, r -> "**" + Latency.Summary.fmt(r.latency().p99Ms()) + "**", r -> r.latency().p99Ms());
        row(b, both, "latency p99.9", tapecast, nchan, r -> Latency.Summary.fmt(r.latency().p999Ms()), r -> r.latency().p999Ms());
        row(b, both, "latency max", tapecast, nchan, r -> Latency.Summary.fmt(r.latency().maxMs()), r -> r.latency().maxMs());
        row(b, both, "seq out of order (dup/gap)", tapecast, nchan, r -> Long.toString(r.outOfOrder()), null);
        row(b, both, "publish errors", tapecast, nchan, r -> Long.toString(r.publishErrors()), null);
        row(b, both, "closes during the run (code × n)", tapecast, nchan, r -> codes(r.closesDuringRun()), null);
        row(b, both, "closes after the end (code × n)", tapecast, nchan, r -> codes(r.closesAtEnd()), null);
        row(b, both, "client errors", tapecast, nchan, r -> r.errors().isEmpty() ? "none" : String.join("; ", r.errors()), null);
        if (tapecast != null) {
            OptionalLong per = tapecast.heapPerConnection();
            String heap = per.isPresent()
                    ? String.format(Locale.ROOT, "%,.1f KB (%s → %s after full GC, %,d idle clients)", per.getAsLong() / 1024.0,
                    Fanout.mib(tapecast.heapBefore()), Fanout.mib(tapecast.heapAfter()), tapecast.connected())
                    : "not measured (no --gateway-pid)";
            b.append("| gateway heap per idle connection | ").append(heap).append(both ? " | | |\n" : " |\n");
            Kafka.ReadResult bare = tapecast.bare();
            if (bare != null) {
                b.append(String.format(Locale.ROOT, "| bare KafkaConsumer reading the same records (%,d, %,.1f MB) afterwards | "
                                + "%,.0f records/s (%,.0f/s after its first record, %.0f ms)%s%n",
                        bare.records(), bare.bytes() / 1e6, bare.recordsPerSecond(), bare.recordsPerSecondAfterFirst(),
                        bare.firstRecordNanos() / 1e6, both ? " | | |" : " |"));
            }
        }
        b.append('\n');
        return b.toString();
    }

    static String replay(Replay.Result r, String commandLine) {
        StringBuilder b = new StringBuilder();
        Replay.Config c = r.config();
        b.append(String.format(Locale.ROOT, "### replay: one client, a finished %,d-event run, %,d noise records before it in its partition (run %s)%n%n",
                c.events(), c.noise(), c.run()));
        b.append("`").append(commandLine).append("`\n\n");
        b.append(String.format(Locale.ROOT, "Run `%s`, partition %d, offsets %,d … %,d, published in %.1f s.%n%n",
                r.streamId(), r.partition(), r.firstOffset(), r.lastOffset(), r.publishSeconds()));
        b.append("| attempt | bare KafkaConsumer events/s | WebSocket client events/s | ratio | connected | first event | all events | seq check | close |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.clients().size(); i++) {
            Kafka.ReadResult bare = r.bare().get(i);
            Replay.ClientRun cr = r.clients().get(i);
            b.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.0f %% | %.0f ms | %.0f ms | %,d in %.2f s | %s | %d |%n",
                    i + 1, bare.matchingPerSecond(), cr.eventsPerSecond(), 100 * cr.eventsPerSecond() / bare.matchingPerSecond(),
                    cr.connectedMs(), cr.firstEventMs(), cr.received(), cr.completeSeconds(),
                    cr.outOfOrder() == 0 && cr.lastSeq() == c.events() && cr.received() == c.events() ? "1…N exactly once"
                            : cr.outOfOrder() + " out of order, last " + cr.lastSeq(), cr.closeCode()));
        }
        b.append(String.format(Locale.ROOT, "%nBest: client %,.0f events/s vs bare consumer %,.0f events/s = **%.0f %%** (target ≥ 50 %%); "
                        + "first event after **%s** (target ≤ 200 ms).%n",
                r.bestClient(), r.bestBare(), 100 * r.bestClient() / r.bestBare(),
                Latency.Summary.fmt(r.clients().stream().mapToDouble(Replay.ClientRun::firstEventMs).min().orElse(Double.NaN))));
        if (r.resume() != null) {
            Replay.ClientRun res = r.resume();
            b.append(String.format(Locale.ROOT, "%nResume near the end (`from_seq=%,d`): first event after %s, %,d events, complete after %s.%n",
                    res.fromSeq(), Latency.Summary.fmt(res.firstEventMs()), res.received(), Latency.Summary.fmt(res.completeSeconds() * 1000)));
        }
        b.append('\n');
        return b.toString();
    }

    private interface Cell {
        String of(Fanout.Result r);
    }

    private interface Num {
        double of(Fanout.Result r);
    }

    private static void row(StringBuilder b, boolean both, String name, Fanout.Result t, Fanout.Result n, Cell cell, Num ratio) {
        b.append("| ").append(name).append(" | ");
        if (both) {
            b.append(cell.of(t)).append(" | ").append(cell.of(n)).append(" | ");
            if (ratio != null) {
                double d = ratio.of(n);
                b.append(d == 0 || Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.2f", ratio.of(t) / d));
            }
            b.append(" |\n");
        } else {
            b.append(cell.of(t != null ? t : n)).append(" |\n");
        }
    }

    static String codes(Map<Integer, Integer> codes) {
        if (codes.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        codes.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" × ").append(String.format(Locale.ROOT, "%,d", v)));
        return s.toString();
    }

    static String join(List<String> parts) {
        return String.join(" ", parts);
    }
}

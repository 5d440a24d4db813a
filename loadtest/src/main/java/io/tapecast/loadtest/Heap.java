package io.tapecast.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway JVM's used heap after a full GC, through the JDK's {@code jcmd}: {@code GC.run} twice (so what is
 * left is live), then {@code GC.heap_info}, whose first line is the whole heap ("garbage-first heap total …K,
 * used …K" with G1; the same shape with the other collectors). jcmd must run as the gateway's user, on its machine.
 */
final class Heap {

    private static final Pattern USED = Pattern.compile("used\\s+(\\d+)([KMG])", Pattern.CASE_INSENSITIVE);

    private Heap() {
    }

    /** Bytes used after a full GC, or empty when jcmd failed (message on stderr). */
    static OptionalLong usedAfterGc(long pid) {
        try {
            run("jcmd", Long.toString(pid), "GC.run");
            Thread.sleep(300);
            run("jcmd", Long.toString(pid), "GC.run");
            Thread.sleep(300);
            return parseUsedBytes(run("jcmd", Long.toString(pid), "GC.heap_info"));
        } catch (IOException e) {
            System.err.println("jcmd failed: " + e.getMessage());
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The first "used N[K|M|G]" of {@code GC.heap_info} output, in bytes. */
    static OptionalLong parseUsedBytes(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(m.group(1));
        long unit = switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return OptionalLong.of(value * unit);
    }

    /** {@code auto}: the single local JVM whose command line names a Tapecast gateway or standalone jar. */
    static OptionalLong findGatewayPid() {
        try {
            String out = run("jcmd", "-l");
            long found = -1;
            for (String line : out.split("\n")) {
                if (line.contains("tapecast-standalone") || line.contains("tapecast-gateway")
                        || line.contains("io.tapecast.standalone") || line.contains("io.tapecast.gateway")) {
                    if (found >= 0) {
                        System.err.println("more than one gateway JVM; pass --gateway-pid");
                        return OptionalLong.empty();
                    }
                    found = Long.parseLong(line.trim().split("\\s+")[0]);
                }
            }
            return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
        } catch (IOException | NumberFormatException e) {
            System.err.println("jcmd -l failed: " + e.getMessage());
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text.trim());
        }
        return text;
    }
}

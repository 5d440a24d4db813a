package io.tapecast.standalone.e2e;

import io.tapecast.standalone.testing.KafkaTestBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A backtest worker in its own JVM, started exactly as {@code java -jar tapecast-backtest-worker.jar} — so it can
 * be killed with SIGKILL, mid-run, like a crashed machine.
 */
final class WorkerProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "backtest-worker", "target", "tapecast-backtest-worker.jar").toAbsolutePath().normalize();

    private final Process process;
    private final Path log;

    private WorkerProcess(String id, List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build the backtest-worker module first (mvn package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString(),
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--tapecast.worker.id=" + id,
                // a killed member's requests move to another member after the session timeout; keep it short
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        command.addAll(args);
        this.log = Path.of("target", "worker-" + id + ".log").toAbsolutePath();
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkerProcess start(String id, String... args) {
        return new WorkerProcess(id, List.of(args));
    }

    /** SIGKILL: no shutdown hooks, no commit, no goodbye to the group coordinator. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker did not die");
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

package io.tapecast.cluster.drill;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The local cluster, driven through {@code scripts/cluster.sh} exactly as a person would drive it. */
public final class LocalCluster {

    private final Path root;
    private final Path script;

    public LocalCluster(Path root) {
        this.root = root.toAbsolutePath();
        this.script = this.root.resolve("scripts/cluster.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + script);
        }
    }

    public Path root() {
        return root;
    }

    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void up() {
        Log.info(run("up"));
    }

    public void down() {
        Log.info(run("down"));
    }

    public void kill9(String name) {
        Log.info(run("kill", name));
    }

    public void start(String name) {
        Log.info(run("start", name));
    }

    public String bootstrapServers() {
        return run("bootstrap");
    }

    public List<URI> gateways() {
        return run("gateways").lines().map(URI::create).toList();
    }

    /** The load balancer's address, or null when nginx is not installed. */
    public URI loadBalancer() {
        String lb = run("lb-url");
        return lb.isBlank() ? null : URI.create(lb);
    }
}

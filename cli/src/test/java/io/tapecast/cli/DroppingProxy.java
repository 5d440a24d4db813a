package io.tapecast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder between the CLI and the gateway that cuts the first connection dead (no close frame, just the
 * sockets closed) once it has passed {@code dropAfterBytes} bytes from the server to the client: a dropped
 * connection in the middle of a stream, for the resume test. Later connections pass through untouched.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final long dropAfterBytes;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    DroppingProxy(int targetPort, long dropAfterBytes) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.dropAfterBytes = dropAfterBytes;
        Thread acceptor = new Thread(this::accept, "dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int drops() {
        return drops.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                boolean dropThis = connections.incrementAndGet() == 1;
                pipe(client, upstream, Long.MAX_VALUE, false);
                pipe(upstream, client, dropThis ? dropAfterBytes : Long.MAX_VALUE, dropThis);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, long limit, boolean countDrop) {
        Thread thread = new Thread(() -> {
            AtomicLong passed = new AtomicLong();
            byte[] buffer = new byte[1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long room = limit - passed.get();
                    if (n >= room) {
                        out.write(buffer, 0, (int) Math.max(0, room));
                        out.flush();
                        if (countDrop) {
                            drops.incrementAndGet();
                        }
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    passed.addAndGet(n);
                }
            } catch (IOException e) {
                // the other direction closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "dropping-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(DroppingProxy::closeQuietly);
    }
}

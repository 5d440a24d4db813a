package io.tapecast.standalone.e2e;

import io.tapecast.schemas.WireJson;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket that reads only when told to, with a tiny receive buffer: the way to be a
 * client that stopped reading (the JDK client keeps reading into its own buffers), or one that never answers
 * pings. It sends the handshake and nothing else.
 */
final class RawWsClient implements AutoCloseable {

    /** What was read: the text frames, in order, and the close code (-1: the connection ended without one). */
    record Transcript(List<String> texts, int closeCode, int pings) {
        List<Long> seqs() {
            List<Long> seqs = new ArrayList<>();
            for (String text : texts) {
                JsonNode node = WireJson.mapper().readTree(text);
                if (node.has("seq")) {
                    seqs.add(node.path("seq").asLong());
                }
            }
            return seqs;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private boolean handshakeRead;

    private RawWsClient(int port, String path, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String handshake = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        in = new DataInputStream(socket.getInputStream());
    }

    /** Connects and sends the handshake; reads nothing until {@link #readUntilClose}. */
    static RawWsClient connect(int port, String path, int receiveBuffer) {
        try {
            return new RawWsClient(port, path, receiveBuffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads (answering nothing, not even pings) until the server's close frame, the end of the stream, or the timeout. */
    Transcript readUntilClose(Duration timeout) {
        List<String> texts = new ArrayList<>();
        int pings = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!handshakeRead) {
                socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
                readHandshake();
                handshakeRead = true;
            }
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                switch (opcode) {
                    case 0x1, 0x0 -> {
                        message.write(payload);
                        if ((b0 & 0x80) != 0) {
                            texts.add(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        return new Transcript(texts, code, pings);
                    }
                    case 0x9 -> pings++;
                    default -> { }
                }
            }
            throw new AssertionError("no close within " + timeout + " after " + texts.size() + " frames");
        } catch (EOFException | java.net.SocketException e) {
            return new Transcript(texts, -1, pings);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close within " + timeout + " after " + texts.size() + " frames", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readHandshake() throws IOException {
        InputStream raw = in;
        int matched = 0;
        StringBuilder status = new StringBuilder();
        while (matched < 4) {
            int c = raw.read();
            if (c < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (status.length() < 12) {
                status.append((char) c);
            }
            matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        if (!status.toString().startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("handshake refused: " + status);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

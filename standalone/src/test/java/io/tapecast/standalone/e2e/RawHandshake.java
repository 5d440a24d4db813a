package io.tapecast.standalone.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket handshake on a bare socket: any headers (Origin, Sec-WebSocket-Extensions), any local address (another
 * client IP on the loopback range: 127.0.0.2), the raw response status and headers; after a 101, masked frames can
 * be sent and text frames and the close code read.
 */
final class RawHandshake implements AutoCloseable {

    final int status;
    final Map<String, String> headers;
    private final Socket socket;
    private final DataInputStream in;

    private RawHandshake(Socket socket, int status, Map<String, String> headers, DataInputStream in) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.in = in;
    }

    static RawHandshake open(String localAddress, int port, String path, String... headers) {
        Socket socket = new Socket();
        try {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(15_000);
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> response = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    response.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
            return new RawHandshake(socket, status, response, in);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.write(c);
            matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Sends one masked frame (opcode 1 text, 2 binary). */
    void sendFrame(int opcode, byte[] payload) {
        try {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i & 3]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendText(String text) {
        sendFrame(1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text frames read and the close code (-1: the connection ended without a close frame). */
    record Transcript(List<String> texts, int closeCode) {
    }

    /** Reads frames until {@code count} text frames arrived, a close frame, the end of the stream, or the timeout. */
    Transcript read(int count, Duration timeout) {
        List<String> texts = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (texts.size() < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return new Transcript(texts, 0);
                }
                socket.setSoTimeout((int) left);
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                switch (b0 & 0x0F) {
                    case 0x1, 0x0 -> {
                        message.write(payload);
                        if ((b0 & 0x80) != 0) {
                            texts.add(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        return new Transcript(texts, code);
                    }
                    default -> { }
                }
            }
            return new Transcript(texts, 0);
        } catch (SocketTimeoutException e) {
            return new Transcript(texts, 0);
        } catch (EOFException | java.net.SocketException e) {
            return new Transcript(texts, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the close frame (or the end, -1; or the timeout, 0) and answers its code. */
    int awaitClose(Duration timeout) {
        return read(Integer.MAX_VALUE, timeout).closeCode();
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

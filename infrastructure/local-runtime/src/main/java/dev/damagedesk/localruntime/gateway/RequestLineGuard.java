package dev.damagedesk.localruntime.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's public port, in front of its JDK {@code HttpServer}: the JDK server answers a request line it cannot
 * parse (a request target that is no URI, such as a malformed percent-escape {@code /v1/reports/%zz}) with an HTML page
 * of its own before any handler runs. This front reads each request's head as it passes, and answers such a request
 * as API Gateway answers what it cannot route, {@code 400 {"message":"Bad Request"}} in JSON, then closes the
 * connection. Everything else is copied through unchanged, both ways. Should a request's framing be something it does
 * not follow (neither {@code Content-Length} nor {@code chunked}), it copies the rest of that connection through
 * without looking, which is what the JDK server alone would have got.
 */
final class RequestLineGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLineGuard.class);
    /** Larger than any head the JDK server accepts: past this, the head is passed on for it to refuse. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
            + "Content-Length: 26\r\nConnection: close\r\n\r\n{\"message\":\"Bad Request\"}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final ExecutorService threads;
    private volatile int backendPort;
    private volatile boolean closed;

    private RequestLineGuard(ServerSocket server, String name) {
        this.server = server;
        AtomicInteger ids = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gateway-front-" + name + "-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes {@code port} of 127.0.0.1 (0: any free one); nothing is accepted until {@link #serve}. */
    static RequestLineGuard bind(int port, String name) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        return new RequestLineGuard(server, name);
    }

    /** From now on, passes each connection on to the server on {@code serverPort}. */
    void serve(int serverPort) {
        this.backendPort = serverPort;
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The gateway's port stopped accepting: {}", e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        java.util.concurrent.atomic.AtomicBoolean refusing = new java.util.concurrent.atomic.AtomicBoolean();
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            Future<?> answers = threads.submit(() -> {
                copy(backend.getInputStream(), client.getOutputStream());
                if (!refusing.get()) {
                    closeQuietly(client); // the server closed the connection: so does the front, as the server would
                }
                return null;
            });
            OutputStream toServer = new java.io.BufferedOutputStream(backend.getOutputStream(), 16 * 1024);
            boolean refused = forwardRequests(new java.io.BufferedInputStream(client.getInputStream(), 16 * 1024),
                    toServer, refusing);
            toServer.flush();
            shutdownOutput(backend); // the server answers what it has, then closes
            answers.get();
            if (refused) {
                client.getOutputStream().write(BAD_REQUEST);
                client.getOutputStream().flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Gateway connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.debug("Gateway connection ended: {}", e.getCause().toString());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /**
     * Passes requests on until the client is done; returns true when it stopped at a request line the server would
     * refuse (that request is not passed on).
     */
    static boolean forwardRequests(InputStream in, OutputStream out, java.util.concurrent.atomic.AtomicBoolean refusing)
            throws IOException {
        while (true) {
            Head head = readHead(in);
            if (head == null) {
                return false; // the client closed the connection
            }
            if (!head.complete()) {
                out.write(head.bytes());
                out.flush();
                copy(in, out);
                return false;
            }
            String text = new String(head.bytes(), StandardCharsets.ISO_8859_1);
            if (!parsableTarget(text)) {
                refusing.set(true);
                return true;
            }
            out.write(head.bytes());
            long length = contentLength(text);
            if (isChunked(text)) {
                out.flush();
                copyChunked(in, out);
            } else if (length >= 0) {
                out.flush();
                copyExactly(in, out, length);
            } else if (length == UNKNOWN_FRAMING) {
                out.flush();
                copy(in, out);
                return false;
            }
            out.flush();
        }
    }

    /** A request's head as read; {@code complete} when it ended with its blank line within the size limit. */
    private record Head(byte[] bytes, boolean complete) {
    }

    private static final long NO_BODY = -1;
    private static final long UNKNOWN_FRAMING = -2;

    /** Whether the request line's target is one the JDK server takes (it parses it as a {@link URI}). */
    static boolean parsableTarget(String head) {
        int lineEnd = head.indexOf("\r\n");
        String line = lineEnd < 0 ? head : head.substring(0, lineEnd);
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first < 0 || last <= first) {
            return true; // not a request line this front judges: the server answers it
        }
        try {
            new URI(line.substring(first + 1, last));
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The body's length from {@code Content-Length}; {@link #NO_BODY} without one, {@link #UNKNOWN_FRAMING} when unreadable. */
    static long contentLength(String head) {
        String value = header(head, "content-length");
        if (value == null) {
            return NO_BODY;
        }
        try {
            long length = Long.parseLong(value.trim());
            return length < 0 ? UNKNOWN_FRAMING : length;
        } catch (NumberFormatException e) {
            return UNKNOWN_FRAMING;
        }
    }

    static boolean isChunked(String head) {
        String value = header(head, "transfer-encoding");
        return value != null && value.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /**
     * Bytes up to and with the empty line that ends a head (CRLF or, as the JDK server also takes, a bare LF); null at
     * the end of the stream before any byte.
     */
    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int lineLength = 0;
        int previous = -1;
        while (head.size() <= MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : new Head(head.toByteArray(), false);
            }
            head.write(b);
            if (b == '\n') {
                boolean emptyLine = lineLength == 0 || (lineLength == 1 && previous == '\r');
                if (emptyLine && head.size() > 2) {
                    return new Head(head.toByteArray(), true);
                }
                lineLength = 0;
            } else {
                lineLength++;
            }
            previous = b;
        }
        return new Head(head.toByteArray(), false);
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A chunked body: each size line and its chunk, the last chunk, the trailers and their blank line. */
    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in, out);
            if (sizeLine == null) {
                return;
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, out);
                } while (trailer != null && !trailer.isEmpty());
                return;
            }
            copyExactly(in, out, size);
            readLine(in, out); // the CRLF after the chunk
        }
    }

    /** One CRLF-ended line, copied to {@code out} as read; its text without the CRLF, null at the end of the stream. */
    private static String readLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            out.write(b);
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away: the connection ends
        }
    }

    private static void shutdownOutput(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the gateway's port: {}", e.toString());
        }
        threads.shutdownNow();
    }
}

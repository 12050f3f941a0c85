package dev.damagedesk.localruntime.function.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) of ONE execution environment, on 127.0.0.1 and a free port: what
 * {@code AWS_LAMBDA_RUNTIME_API} points the function's runtime at (on Lambda, every sandbox has its own).
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next} blocks until there is an event, then answers it with the
 *       headers {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms},
 *       {@code Lambda-Runtime-Invoked-Function-Arn} and {@code Lambda-Runtime-Trace-Id} (the Java runtime interface
 *       client's native part crashes the JVM without the trace id). The first call ends the init phase.</li>
 *   <li>{@code POST .../invocation/{id}/response} and {@code POST .../invocation/{id}/error} (error type in the
 *       {@code Lambda-Runtime-Function-Error-Type} header, a JSON {@code errorMessage}/{@code errorType}/{@code
 *       stackTrace} body) answer 202; an unknown request id 400.</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error} reports a failed init phase, 202.</li>
 * </ul>
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_PATH = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    /** What the runtime posted for an invocation or for its init phase. */
    record Outcome(boolean error, String errorTypeHeader, String body) {
    }

    /** One event waiting for the runtime's {@code next} call, and what it answered. */
    record Invocation(String requestId, String event, long deadlineEpochMillis, String functionArn, String traceId,
                      CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final SynchronousQueue<Invocation> events = new SynchronousQueue<>();
    private final CompletableFuture<Outcome> init = new CompletableFuture<>();
    private volatile Invocation current;
    private volatile boolean waitingForEvent;

    RuntimeApiServer(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a Runtime API port for " + name, e);
        }
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-" + name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes (with a null outcome) at the runtime's first {@code next} call, or with what it posted to init/error. */
    CompletableFuture<Outcome> init() {
        return init;
    }

    /** Whether the runtime is blocked in {@code next}: ready for an event. */
    boolean waitingForEvent() {
        return waitingForEvent;
    }

    /**
     * Hands an event to the runtime's (pending or next) {@code next} call.
     *
     * @return false when the runtime did not ask for it within the time given
     */
    boolean offer(Invocation invocation, long timeoutMillis) throws InterruptedException {
        current = invocation;
        return events.offer(invocation, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
                return;
            }
            if ("POST".equals(method) && path.equals(PREFIX + "init/error")) {
                init.complete(new Outcome(true, exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER), body(exchange)));
                answer(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            Matcher invocation = INVOCATION_PATH.matcher(path);
            if ("POST".equals(method) && invocation.matches()) {
                Invocation pending = current;
                String body = body(exchange);
                if (pending == null || !pending.requestId().equals(invocation.group(1))) {
                    answer(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                boolean error = invocation.group(2).equals("error");
                pending.outcome().complete(new Outcome(error, exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER), body));
                answer(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            answer(exchange, 404, "{\"errorMessage\":\"Unknown resource\",\"errorType\":\"NotFound\"}");
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        init.complete(null);
        Invocation invocation;
        waitingForEvent = true;
        try {
            invocation = events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the environment goes with the server
        } finally {
            waitingForEvent = false;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        answer(exchange, 200, invocation.event());
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = Objects.requireNonNullElse(body, "").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

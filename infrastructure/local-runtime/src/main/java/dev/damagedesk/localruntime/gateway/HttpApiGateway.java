package dev.damagedesk.localruntime.gateway;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP API of the template, served on 127.0.0.1 the way API Gateway serves it: each request is matched against the
 * routes of every function's {@code HttpApi} events, turned into a payload format 2.0 event, handed to the function,
 * and the function's result turned back into the HTTP response. API Gateway's own answers are kept: 404
 * {@code {"message":"Not Found"}} without a route, 413 past its 10 MB payload limit, 500
 * {@code {"message":"Internal Server Error"}} when the function fails, times out or answers something API Gateway
 * cannot read (the reason goes to the log, never to the client).
 *
 * <p>Local addition: {@code GET /health}, unless a route of the template takes it, answers 200 with the runtime's
 * endpoints once the runtime is ready (503 before).
 */
public final class HttpApiGateway implements AutoCloseable {

    /** API Gateway's limit for an HTTP API request payload. */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    /** How much of an oversized body is read and dropped before the 413 (beyond it, the connection is closed). */
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);

    private final String apiId;
    private final RouteTable routes;
    private final int threads;
    private final PrintStream accessLog;
    private volatile Supplier<Map<String, Object>> health;
    private HttpServer server;
    private ThreadPoolExecutor executor;
    private URI baseUri;

    /**
     * @param apiId    the API's id in events' {@code requestContext.apiId} (locally: its logical id)
     * @param bindings the routes and the functions they invoke
     * @param threads  how many requests are served at once; more wait in a bounded queue
     */
    public HttpApiGateway(String apiId, List<RouteBinding> bindings, int threads) {
        this(apiId, bindings, threads, System.out);
    }

    HttpApiGateway(String apiId, List<RouteBinding> bindings, int threads, PrintStream accessLog) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.apiId = apiId;
        this.routes = new RouteTable(bindings);
        this.threads = threads;
        this.accessLog = accessLog;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @return the API's base URL, e.g. {@code http://127.0.0.1:3000}
     */
    public synchronized URI start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        AtomicInteger threadIds = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 16),
                runnable -> {
                    Thread thread = new Thread(runnable, "gateway-" + apiId + "-" + threadIds.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return baseUri;
    }

    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("not started");
        }
        return baseUri;
    }

    public RouteTable routes() {
        return routes;
    }

    /** From now on {@code GET /health} answers 200 with what {@code status} returns. */
    public void ready(Supplier<Map<String, Object>> status) {
        this.health = status;
    }

    /** Stops accepting requests, gives the ones in progress up to two seconds, then stops. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(2);
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
            server = null;
        }
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String requestId = HttpApiEvents.newRequestId();
        String target = "";
        HttpApiResponse response;
        try {
            Optional<RouteTable.Match> match = routes.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            target = match.map(m -> m.binding().function().name()).orElse("-");
            response = match.isPresent() ? invoke(exchange, match.get(), requestId) : unrouted(exchange);
        } catch (RuntimeException e) {
            LOG.error("Gateway failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = HttpApiResponse.message(500, "Internal Server Error");
        }
        try (exchange) {
            send(exchange, response, requestId);
        } catch (IOException e) {
            LOG.debug("Client went away before the response was sent", e);
        }
        accessLog.println("[" + apiId + "] " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + " " + response.statusCode() + " " + target + " " + (System.nanoTime() - start) / 1_000_000 + " ms"
                + " requestId=" + requestId);
    }

    private HttpApiResponse unrouted(HttpExchange exchange) {
        if ("GET".equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI().getRawPath())) {
            Supplier<Map<String, Object>> status = health;
            if (status == null) {
                return HttpApiResponse.message(503, "Service Unavailable");
            }
            try {
                return new HttpApiResponse(200, List.of(Map.entry("Content-Type", "application/json")), JSON.std.asBytes(status.get()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return HttpApiResponse.message(404, "Not Found");
    }

    private HttpApiResponse invoke(HttpExchange exchange, RouteTable.Match match, String requestId) {
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            return HttpApiResponse.message(413, "Request Entity Too Large");
        }
        URI uri = exchange.getRequestURI();
        HttpApiRequest request = new HttpApiRequest(
                exchange.getRequestMethod(),
                uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                exchange.getRequestHeaders(),
                body.get(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort(),
                exchange.getProtocol());
        String event;
        try {
            event = JSON.std.asString(HttpApiEvents.build(request, match, apiId, requestId, Instant.now()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the event as JSON", e);
        }
        String functionName = match.binding().function().name();
        try {
            return HttpApiResponse.fromLambda(match.binding().function().invoke(event));
        } catch (FunctionInvocationException e) {
            LOG.warn("{} {} -> 500: {} failed ({}: {})", request.method(), request.rawPath(), functionName, e.kind(), e.getMessage());
            return HttpApiResponse.message(500, "Internal Server Error");
        } catch (HttpApiResponse.MalformedResponseException e) {
            LOG.warn("{} {} -> 500: malformed Lambda proxy response from {}: {}", request.method(), request.rawPath(), functionName, e.getMessage());
            return HttpApiResponse.message(500, "Internal Server Error");
        }
    }

    /**
     * The request body, or empty when it is larger than API Gateway accepts. An oversized body is still read (up to a
     * bound) and dropped, so that the client, still sending, gets to read the 413 instead of a reset connection.
     */
    private static Optional<byte[]> readBody(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length <= MAX_REQUEST_BYTES) {
                return Optional.of(body);
            }
            // read, not skip: the JDK's request body stream passes skip() to the socket, past the body's end
            byte[] drain = new byte[64 * 1024];
            long dropped = 0;
            int read;
            while (dropped < DRAIN_LIMIT_BYTES && (read = in.read(drain)) > 0) {
                dropped += read;
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the request body", e);
        }
    }

    private static void send(HttpExchange exchange, HttpApiResponse response, String requestId) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> header : response.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        headers.set("apigw-requestid", requestId);
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public String toString() {
        return "HttpApiGateway[" + apiId + ", " + routes.bindings().stream().map(binding -> binding.route().routeKey()).toList() + "]";
    }
}

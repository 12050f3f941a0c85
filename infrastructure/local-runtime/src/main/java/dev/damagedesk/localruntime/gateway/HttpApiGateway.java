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
 * <p>A route guarded by a JWT authorizer is answered 401 {@code {"message":"Unauthorized"}} (with API Gateway's
 * {@code www-authenticate} header) before the function runs when the token is missing or invalid, 403
 * {@code {"message":"Forbidden"}} when it lacks the route's scopes; else the function gets the claims in
 * {@code requestContext.authorizer.jwt}. A request over its route's throttle ({@link RouteThrottles}) is answered 429
 * {@code {"message":"Too Many Requests"}} with a {@code Retry-After} (seconds until the bucket has a token) before
 * either. With a {@link CorsPolicy} the gateway answers preflights itself and sets
 * the CORS headers of every response, its own included.
 *
 * <p>Local additions: {@code GET /health}, unless a route of the template takes it, answers 200 with the runtime's
 * endpoints once the runtime is ready (503 before); a {@link StaticSite} mounted on the gateway serves its files
 * under its prefix. The API's port is a {@link RequestLineGuard} in front of the JDK server, so that a request line the
 * JDK server cannot parse gets API Gateway's JSON {@code 400} rather than the JDK's HTML page.
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
    private volatile Optional<CorsPolicy> cors = Optional.empty();
    private volatile Optional<StaticSite> site = Optional.empty();
    private volatile RouteThrottles throttles = RouteThrottles.none();
    private HttpServer server;
    private RequestLineGuard front;
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
        // the API's port first, so that the server's own ephemeral port cannot take a port asked for (the next API's);
        // the JDK server behind it would answer an unparsable request line with HTML
        front = RequestLineGuard.bind(port, apiId);
        AtomicInteger threadIds = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 16),
                runnable -> {
                    Thread thread = new Thread(runnable, "gateway-" + apiId + "-" + threadIds.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            front.close();
            executor.shutdownNow();
            throw e;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        front.serve(server.getAddress().getPort());
        baseUri = URI.create("http://127.0.0.1:" + front.port());
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

    /** Applies the API's {@code CorsConfiguration} from now on (set before {@link #ready}). */
    public void cors(CorsPolicy policy) {
        this.cors = Optional.of(policy);
    }

    /** Applies the API's route throttles from now on (set before {@link #ready}). */
    public void throttle(RouteThrottles routeThrottles) {
        this.throttles = routeThrottles;
    }

    /** Serves a static site under its prefix from now on (local only: the admin page, as CloudFront would). */
    public void mount(StaticSite staticSite) {
        this.site = Optional.of(staticSite);
    }

    /** From now on {@code GET /health} answers 200 with what {@code status} returns. */
    public void ready(Supplier<Map<String, Object>> status) {
        this.health = status;
    }

    /** Stops accepting requests, gives the ones in progress up to two seconds, then stops. */
    @Override
    public synchronized void close() {
        if (server != null) {
            front.close();
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
        Optional<CorsPolicy> corsPolicy = cors;
        try {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<StaticSite> staticSite = site.filter(s -> s.serves(method, rawPath));
            if (corsPolicy.isPresent() && corsPolicy.get().isPreflight(method, exchange.getRequestHeaders())) {
                target = "(preflight)";
                response = corsPolicy.get().preflight(exchange.getRequestHeaders());
            } else if (staticSite.isPresent()) {
                target = "(static)";
                response = staticSite.get().serve(method, rawPath);
            } else {
                Optional<RouteTable.Match> match = routes.match(method, rawPath);
                target = match.map(m -> m.binding().function().name()).orElse("-");
                response = match.isPresent() ? authorizeAndInvoke(exchange, match.get(), requestId) : unrouted(exchange);
            }
            if (corsPolicy.isPresent() && !"(preflight)".equals(target)) {
                response = corsPolicy.get().apply(exchange.getRequestHeaders(), response);
            }
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

    /**
     * The route's throttle first, then its JWT authorizer, as API Gateway runs them: no function runs for a throttled
     * request or a refused token.
     */
    private HttpApiResponse authorizeAndInvoke(HttpExchange exchange, RouteTable.Match match, String requestId) {
        java.util.OptionalLong retryAfter = throttles.admit(match.binding().route().routeKey());
        if (retryAfter.isPresent()) {
            drain(exchange);
            return HttpApiResponse.message(429, "Too Many Requests")
                    .withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        Optional<JwtAuthorizer> authorizer = match.binding().authorizer();
        if (authorizer.isEmpty()) {
            return invoke(exchange, match, requestId, Optional.empty());
        }
        JwtAuthorizer.Decision decision = authorizer.get().authorize(
                CorsPolicy.header(exchange.getRequestHeaders(), "Authorization"), match.binding().scopes());
        if (decision instanceof JwtAuthorizer.Unauthorized unauthorized) {
            drain(exchange);
            return HttpApiResponse.message(401, "Unauthorized").withHeader("www-authenticate", unauthorized.wwwAuthenticate());
        }
        if (decision instanceof JwtAuthorizer.Forbidden forbidden) {
            drain(exchange);
            return HttpApiResponse.message(403, "Forbidden").withHeader("www-authenticate", forbidden.wwwAuthenticate());
        }
        return invoke(exchange, match, requestId, Optional.of((JwtAuthorizer.Allowed) decision));
    }

    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            int n;
            while (read < MAX_REQUEST_BYTES && (n = in.read(buffer)) > 0) {
                read += n;
            }
        } catch (IOException e) {
            LOG.debug("Could not read a refused request's body", e);
        }
    }

    private HttpApiResponse invoke(HttpExchange exchange, RouteTable.Match match, String requestId,
                                   Optional<JwtAuthorizer.Allowed> authorized) {
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
                baseUri.getPort(), // the API's port (the front's), not the JDK server's behind it
                exchange.getProtocol());
        String event;
        try {
            event = JSON.std.asString(HttpApiEvents.build(request, match, apiId, requestId, Instant.now(), authorized));
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

package dev.damagedesk.localruntime.faults;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the functions and one emulator (DynamoDB or SES) when fault injection is on: forwards each HTTP call
 * unchanged (the emulators do not check signatures, so the changed {@code Host} does not matter), after the latency
 * {@link FaultInjection} sets, or answers it with the service's own error shape instead. A call it cannot forward
 * (the emulator is stopped for a restart) is answered 503, which the SDK retries as it retries a service that is
 * unavailable.
 */
public final class FaultProxy implements AutoCloseable {

    /** Headers java.net.http sets itself and refuses from a caller. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private final FaultInjection.Service service;
    private final URI target;
    private final FaultInjection faults;
    private final HttpClient http;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private FaultProxy(FaultInjection.Service service, URI target, FaultInjection faults) throws IOException {
        this.service = service;
        this.target = target;
        this.faults = faults;
        AtomicInteger ids = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy-" + FaultInjection.serviceKey(service) + "-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A proxy on a free loopback port in front of {@code target}. */
    public static FaultProxy start(FaultInjection.Service service, URI target, FaultInjection faults) {
        try {
            return new FaultProxy(service, target, faults);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fault proxy for " + service + ": " + e.getMessage(), e);
        }
    }

    /** Where the functions call the service instead of the emulator. */
    public URI endpoint() {
        return endpoint;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Duration latency = faults.latency(service);
            if (!latency.isZero()) {
                sleep(latency);
            }
            Optional<FaultInjection.ServiceFailure> failure = faults.serviceFailure(service);
            if (failure.isPresent()) {
                ServiceError error = ServiceError.of(service, failure.get());
                respond(exchange, error.status(), error.headers(), error.body());
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            faults.unreachable(service);
            ServiceError error = ServiceError.unavailable(service);
            respond(exchange, error.status(), error.headers(), error.body());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error as the service itself answers it, so that the SDK classifies (and retries) it as it would on AWS. */
    record ServiceError(int status, Map<String, String> headers, String body) {

        static ServiceError of(FaultInjection.Service service, FaultInjection.ServiceFailure failure) {
            return switch (service) {
                case DYNAMODB -> failure == FaultInjection.ServiceFailure.THROTTLE
                        ? dynamoDb(400, "ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded (injected fault)")
                        : dynamoDb(500, "InternalServerError", "Internal server error (injected fault)");
                case SES -> failure == FaultInjection.ServiceFailure.THROTTLE
                        ? ses(429, "TooManyRequestsException", "Maximum sending rate exceeded (injected fault)")
                        : ses(500, "InternalFailure", "Internal failure (injected fault)");
            };
        }

        static ServiceError unavailable(FaultInjection.Service service) {
            return switch (service) {
                case DYNAMODB -> dynamoDb(503, "ServiceUnavailable", "The service is unavailable (emulator stopped)");
                case SES -> ses(503, "ServiceUnavailable", "The service is unavailable (emulator stopped)");
            };
        }

        /** DynamoDB's JSON 1.0 protocol: the error code in {@code __type}. */
        private static ServiceError dynamoDb(int status, String code, String message) {
            return new ServiceError(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\",\"message\":\"" + message + "\"}");
        }

        /** SES v2's REST-JSON protocol: the error code in {@code x-amzn-ErrorType}. */
        private static ServiceError ses(int status, String code, String message) {
            return new ServiceError(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", code),
                    "{\"message\":\"" + message + "\"}");
        }
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + service + " " + endpoint + " -> " + target + "]";
    }
}

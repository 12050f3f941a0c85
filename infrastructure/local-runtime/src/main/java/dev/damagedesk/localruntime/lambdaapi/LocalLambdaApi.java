package dev.damagedesk.localruntime.lambdaapi;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the Lambda API that the local runtime can honour: its own SQS event source mappings, listed, read and
 * scaled ({@code ListEventSourceMappings}, {@code GetEventSourceMapping}, {@code UpdateEventSourceMapping} with
 * {@code ScalingConfig.MaximumConcurrency}), in Lambda's REST-JSON protocol, so that the SDK's
 * {@code LambdaClient} pointed here ({@code AWS_ENDPOINT_URL_LAMBDA}) changes a running poller's concurrency.
 * Everything else is refused with the error Lambda would give for it, never ignored: another operation answers
 * {@code 400 UnsupportedOperation}; an update of any other setting (batch size, enabling, filters)
 * {@code 400 InvalidParameterValueException}.
 */
public final class LocalLambdaApi implements AutoCloseable {

    static final String MAPPINGS_PATH = "/2015-03-31/event-source-mappings";
    /** What an update may change locally. */
    private static final Set<String> UPDATABLE = Set.of("ScalingConfig");
    private static final Logger LOG = LoggerFactory.getLogger(LocalLambdaApi.class);

    private record Mapping(String uuid, String functionName, String functionArn, String queueArn,
                           SqsEventSourcePoller poller, AtomicReference<Instant> lastModified) {
    }

    private final Map<String, Mapping> mappings = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "local-lambda-api");
        thread.setDaemon(true);
        return thread;
    });

    private LocalLambdaApi(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 at a free port. */
    public static LocalLambdaApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalLambdaApi api = new LocalLambdaApi(server);
            server.createContext("/", api::handle);
            server.setExecutor(api.executor);
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local Lambda API: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What a function's SDK clients need to call this API (environment variable and system property). */
    public Map<String, String> clientProperties() {
        return Map.of("AWS_ENDPOINT_URL_LAMBDA", endpoint().toString(), "aws.endpointUrlLambda", endpoint().toString());
    }

    /**
     * Makes a poller one of the API's event source mappings; its UUID is derived from the function and the event's
     * name, so it is the same on every start.
     *
     * @return the mapping's UUID
     */
    public String register(String functionName, String functionArn, String queueArn, SqsEventSourcePoller poller) {
        String uuid = UUID.nameUUIDFromBytes((functionName + "/" + poller.source().eventName())
                .getBytes(StandardCharsets.UTF_8)).toString();
        mappings.put(uuid, new Mapping(uuid, functionName, functionArn, queueArn, poller, new AtomicReference<>(Instant.now())));
        return uuid;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(MAPPINGS_PATH) || path.equals(MAPPINGS_PATH + "/")) {
                if (method.equals("GET")) {
                    answer(exchange, 200, list(query(exchange.getRequestURI())));
                    return;
                }
            } else if (path.startsWith(MAPPINGS_PATH + "/")) {
                String uuid = path.substring(MAPPINGS_PATH.length() + 1);
                Mapping mapping = mappings.get(uuid);
                if (mapping == null) {
                    error(exchange, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
                    return;
                }
                if (method.equals("GET")) {
                    answer(exchange, 200, view(mapping));
                    return;
                }
                if (method.equals("PUT")) {
                    update(exchange, mapping);
                    return;
                }
            }
            error(exchange, 400, "UnsupportedOperation", method + " " + path
                    + " is not answered locally: the local runtime's Lambda API serves List/Get/UpdateEventSourceMapping only");
        } catch (RuntimeException e) {
            LOG.warn("Local Lambda API: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            error(exchange, 500, "ServiceException", e.getMessage());
        }
    }

    private Map<String, Object> list(Map<String, String> query) {
        String function = query.get("FunctionName");
        String source = query.get("EventSourceArn");
        List<Object> found = new ArrayList<>();
        mappings.values().stream()
                .filter(mapping -> function == null || function.equals(mapping.functionName())
                        || function.equals(mapping.functionArn()))
                .filter(mapping -> source == null || source.equals(mapping.queueArn()))
                .sorted(Comparator.comparing(Mapping::uuid))
                .forEach(mapping -> found.add(view(mapping)));
        return Map.of("EventSourceMappings", found);
    }

    private void update(HttpExchange exchange, Mapping mapping) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? Map.of() : JSON.std.mapFrom(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            error(exchange, 400, "InvalidParameterValueException", "The request body is not a JSON object");
            return;
        }
        List<String> unsupported = body.keySet().stream().filter(key -> !UPDATABLE.contains(key)).sorted().toList();
        if (!unsupported.isEmpty()) {
            error(exchange, 400, "InvalidParameterValueException", "Only ScalingConfig can be updated locally, not "
                    + unsupported);
            return;
        }
        if (body.get("ScalingConfig") instanceof Map<?, ?> scaling) {
            if (!(scaling.get("MaximumConcurrency") instanceof Number concurrency)) {
                error(exchange, 400, "InvalidParameterValueException", "ScalingConfig needs MaximumConcurrency locally");
                return;
            }
            try {
                mapping.poller().setMaximumConcurrency(concurrency.intValue());
            } catch (IllegalArgumentException outOfRange) {
                error(exchange, 400, "InvalidParameterValueException", outOfRange.getMessage());
                return;
            }
            mapping.lastModified().set(Instant.now());
        }
        // Lambda answers an accepted update with 202 and the mapping
        answer(exchange, 202, view(mapping));
    }

    private static Map<String, Object> view(Mapping mapping) {
        SqsEventSourcePoller poller = mapping.poller();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("UUID", mapping.uuid());
        view.put("BatchSize", poller.source().batchSize());
        view.put("MaximumBatchingWindowInSeconds", poller.source().maximumBatchingWindowSeconds());
        view.put("EventSourceArn", mapping.queueArn());
        view.put("FunctionArn", mapping.functionArn());
        // REST-JSON timestamps: epoch seconds
        view.put("LastModified", mapping.lastModified().get().toEpochMilli() / 1000.0);
        view.put("State", "Enabled");
        view.put("StateTransitionReason", "USER_INITIATED");
        view.put("FunctionResponseTypes", poller.source().reportBatchItemFailures()
                ? List.of("ReportBatchItemFailures") : List.of());
        view.put("ScalingConfig", Map.of("MaximumConcurrency", poller.maximumConcurrency()));
        return view;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        answer(exchange, status, Map.of("Type", "User", "message", message == null ? type : message));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.std.asBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

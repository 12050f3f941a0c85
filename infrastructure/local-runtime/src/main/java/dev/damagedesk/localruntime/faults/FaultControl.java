package dev.damagedesk.localruntime.faults;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.damagedesk.localaws.emulator.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fault injection's HTTP control, on a loopback port of its own (never on an API's port, never deployed):
 *
 * <pre>
 * GET    /faults                        the active faults, the seed, and how many times each fault struck
 * POST   /faults/function               {"function":"ProcessorFunction","percent":10,"failure":"throw"|"timeout","seconds":60}
 * POST   /faults/duplicate-deliveries   {"percent":10,"seconds":60}
 * POST   /faults/service                {"service":"dynamodb"|"ses","failure":"fail"|"throttle","latencyMillis":200,"seconds":30}
 * POST   /faults/restart                {"emulator":"sqs"|"dynamodb"|"ses","downtimeSeconds":5}  (answers once it is back)
 * DELETE /faults                        ends every fault
 * </pre>
 *
 * A malformed request is answered 400 with {@code {"message": ...}}.
 */
public final class FaultControl implements AutoCloseable {

    private final FaultInjection faults;
    private final Set<String> functions;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private FaultControl(FaultInjection faults, Set<String> functions) throws IOException {
        this.faults = faults;
        this.functions = Set.copyOf(functions);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fault-control");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/faults", this::handle);
        server.start();
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/faults");
    }

    /** @param functions the template's functions (a fault for another name is refused) */
    public static FaultControl start(FaultInjection faults, Set<String> functions) {
        try {
            return new FaultControl(faults, functions);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the fault control: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/faults} */
    public URI endpoint() {
        return endpoint;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.equals("/faults") && method.equals("GET")) {
                    respond(exchange, 200, faults.describe());
                } else if (path.equals("/faults") && method.equals("DELETE")) {
                    faults.clear();
                    respond(exchange, 200, faults.describe());
                } else if (method.equals("POST")) {
                    apply(path, body(exchange));
                    respond(exchange, 200, faults.describe());
                } else {
                    respond(exchange, 404, Map.of("message", "No fault control at " + method + " " + path));
                }
            } catch (IllegalArgumentException | IllegalStateException refused) {
                respond(exchange, 400, Map.of("message", String.valueOf(refused.getMessage())));
            }
        }
    }

    private void apply(String path, Map<String, Object> body) {
        switch (path) {
            case "/faults/function" -> {
                String function = text(body, "function");
                if (!functions.contains(function)) {
                    throw new IllegalArgumentException("No function " + function + " in the template: " + functions);
                }
                faults.failFunction(function, number(body, "percent"),
                        FaultInjection.FunctionFailure.valueOf(text(body, "failure").toUpperCase(Locale.ROOT)),
                        Duration.ofSeconds(number(body, "seconds")));
            }
            case "/faults/duplicate-deliveries" ->
                    faults.duplicateDeliveries(number(body, "percent"), Duration.ofSeconds(number(body, "seconds")));
            case "/faults/service" -> {
                FaultInjection.Service service = FaultInjection.Service.valueOf(text(body, "service").toUpperCase(Locale.ROOT));
                Duration duration = Duration.ofSeconds(number(body, "seconds"));
                if (body.containsKey("latencyMillis")) {
                    faults.delayService(service, Duration.ofMillis(number(body, "latencyMillis")), duration);
                }
                if (body.containsKey("failure")) {
                    faults.failService(service,
                            FaultInjection.ServiceFailure.valueOf(text(body, "failure").toUpperCase(Locale.ROOT)), duration);
                }
                if (!body.containsKey("latencyMillis") && !body.containsKey("failure")) {
                    throw new IllegalArgumentException("A service fault needs failure, latencyMillis or both");
                }
            }
            case "/faults/restart" -> faults.restart(
                    LocalAws.Restartable.valueOf(text(body, "emulator").toUpperCase(Locale.ROOT)),
                    Duration.ofSeconds(number(body, "downtimeSeconds")));
            default -> throw new IllegalArgumentException("No fault " + path
                    + ": /faults/function, /faults/duplicate-deliveries, /faults/service, /faults/restart");
        }
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(64 * 1024);
            Object parsed = JSON.std.anyFrom(bytes);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof String value)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value;
    }

    private static int number(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof Number value) || value.doubleValue() != value.intValue()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return value.intValue();
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.std.asBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.damagedesk.localruntime;

import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import dev.damagedesk.localruntime.function.LambdaFunction;
import dev.damagedesk.localruntime.faults.LocalFaults;
import dev.damagedesk.localruntime.gateway.HttpApiGateway;
import dev.damagedesk.localruntime.metrics.EmfMetrics;
import dev.damagedesk.localruntime.lambdaapi.LocalLambdaApi;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import dev.damagedesk.localruntime.schedule.ScheduledEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started local runtime: the cloud, the functions, the pollers and the HTTP API gateways. {@link #close} stops the
 * gateways (no new requests), then the pollers (in-flight batches finish), then the functions and the cloud, and puts
 * back the system properties the functions' environments replaced.
 */
public final class RunningRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningRuntime.class);

    private final LocalCloud cloud;
    private final Map<String, LambdaFunction> functions;
    private final List<FunctionLogLines> logListeners;
    private final Path scratch;
    private final EmfMetrics metrics;
    private final List<SqsEventSourcePoller> pollers;
    private final Map<String, HttpApiGateway> gateways;
    private final Runnable restoreProperties;
    private final java.util.Optional<URI> adminPageUri;
    private final ScheduledEvents schedules;
    private final LocalLambdaApi lambdaApi;
    private final java.util.Optional<LocalFaults> faults;
    private boolean closed;

    RunningRuntime(LocalCloud cloud, Map<String, LambdaFunction> functions, List<SqsEventSourcePoller> pollers,
                   Map<String, HttpApiGateway> gateways, Runnable restoreProperties, java.util.Optional<URI> adminPageUri,
                   ScheduledEvents schedules, List<FunctionLogLines> logListeners, Path scratch, EmfMetrics metrics,
                   LocalLambdaApi lambdaApi, java.util.Optional<LocalFaults> faults) {
        this.faults = faults;
        this.metrics = metrics;
        this.lambdaApi = lambdaApi;
        this.logListeners = logListeners;
        this.scratch = scratch;
        this.adminPageUri = adminPageUri;
        this.schedules = schedules;
        this.cloud = cloud;
        this.functions = Map.copyOf(functions);
        this.pollers = List.copyOf(pollers);
        this.gateways = gateways;
        this.restoreProperties = restoreProperties;
    }

    /** The base URL of the template's (first) HTTP API, e.g. {@code http://127.0.0.1:3000}. */
    public URI apiBaseUri() {
        return gateways.values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The template declares no HTTP API routes"))
                .baseUri();
    }

    /** The base URL of every HTTP API, by logical id, in template order. */
    public Map<String, URI> apiBaseUris() {
        Map<String, URI> uris = new LinkedHashMap<>();
        gateways.forEach((api, gateway) -> uris.put(api, gateway.baseUri()));
        return uris;
    }

    /** Where the admin page is served locally ({@code http://127.0.0.1:<public port>/admin/}), if the template has one. */
    public java.util.Optional<URI> adminPageUri() {
        return adminPageUri;
    }

    /**
     * The template's {@code Schedule} events; {@code schedules().trigger(function, event)} runs one now (local only,
     * for tests).
     */
    public ScheduledEvents schedules() {
        return schedules;
    }

    /** The local Lambda API (the event source mappings, {@code AWS_ENDPOINT_URL_LAMBDA} of the functions). */
    public URI lambdaApiEndpoint() {
        return lambdaApi.endpoint();
    }

    public LocalCloud cloud() {
        return cloud;
    }

    /** With {@code --fault-injection}: the faults to inject, their control API and proxies. */
    public java.util.Optional<LocalFaults> faults() {
        return faults;
    }

    /** The Embedded Metric Format documents the functions wrote, summed up per metric for the last minute. */
    public EmfMetrics metrics() {
        return metrics;
    }

    /** The functions, by logical id. */
    public Map<String, LambdaFunction> functions() {
        return functions;
    }

    /**
     * Adds a listener that gets every line every function instance writes from now on, and the platform's
     * START/END/REPORT lines (with {@code --functions processes}; in-process, what their container threads write to standard output).
     */
    public void addLogListener(FunctionLogLines listener) {
        logListeners.add(listener);
    }

    public List<SqsEventSourcePoller> pollers() {
        return pollers;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        schedules.close();
        stopAll(gateways.values(), pollers, functions.values(), cloud);
        faults.ifPresent(LocalFaults::close);
        lambdaApi.close();
        restoreProperties.run();
        deleteScratch(scratch);
    }

    /** Deletes the functions' task roots (empty folders, unless a function wrote to its working directory). */
    static void deleteScratch(Path scratch) {
        if (scratch == null || !Files.exists(scratch)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(scratch)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stopAll(Iterable<HttpApiGateway> gateways, List<SqsEventSourcePoller> pollers,
                        Iterable<LambdaFunction> functions, LocalCloud cloud) {
        List<RuntimeException> failures = new ArrayList<>();
        for (HttpApiGateway gateway : gateways) {
            run(gateway::close, failures);
        }
        pollers.forEach(SqsEventSourcePoller::requestStop);
        for (SqsEventSourcePoller poller : pollers) {
            run(poller::close, failures);
        }
        for (LambdaFunction function : functions) {
            run(function::close, failures);
        }
        if (cloud != null) {
            run(cloud::close, failures);
        }
        failures.forEach(failure -> LOG.warn("Stopping the local runtime: {}", failure.toString()));
    }

    private static void run(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}

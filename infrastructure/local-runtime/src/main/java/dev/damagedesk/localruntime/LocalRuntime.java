package dev.damagedesk.localruntime;

import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localaws.template.QueueSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import dev.damagedesk.localruntime.function.InProcessOutput;
import dev.damagedesk.localruntime.function.LambdaFunction;
import dev.damagedesk.localruntime.faults.LocalFaults;
import dev.damagedesk.localruntime.function.LocalFunction;
import dev.damagedesk.localruntime.function.SharedEnvironment;
import dev.damagedesk.localruntime.function.process.FunctionArtifacts;
import dev.damagedesk.localruntime.function.process.ProcessFunction;
import dev.damagedesk.localruntime.gateway.HttpApiGateway;
import dev.damagedesk.localruntime.gateway.RouteBinding;
import dev.damagedesk.localruntime.gateway.RouteThrottles;
import dev.damagedesk.localruntime.metrics.EmfMetrics;
import dev.damagedesk.localruntime.lambdaapi.LocalLambdaApi;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import dev.damagedesk.localruntime.schedule.ScheduledEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DamageDesk on one machine, wired from {@code template.yaml} alone: the emulators and resources of
 * {@link LocalCloud}, every function as a {@link ProcessFunction} (each instance its own JVM from the function's
 * artifact, behind a local Lambda Runtime API) or, with {@link RuntimeOptions.FunctionHosting#IN_PROCESS}, a
 * {@link LocalFunction} in this JVM (its environment passed as system properties), an {@link SqsEventSourcePoller}
 * per SQS event and an {@link HttpApiGateway} per HTTP API.
 *
 * <p>Run it with {@code ./run-local} from the repository root; Ctrl-C stops it. Tests use {@link #start}.
 */
public final class LocalRuntime {

    static {
        // Before the first logger exists: the emulators' chatter at warn, DamageDesk's own lines at info, short names.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.damagedesk", "info");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        // ElasticMQ's actor system warns that it cannot add a shutdown hook while the runtime's own hook stops it
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.pekko.actor.CoordinatedShutdown", "error");
        // In-process, the handlers' log4j2 (their JSON lines on Lambda and in their own processes) is on this class path
        // too: this JVM's SLF4J provider is chosen here rather than by class-path order.
        setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    /** Requests one HTTP API serves at once (and so containers each of its functions may need). */
    static final int GATEWAY_THREADS = 8;

    private LocalRuntime() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Optional<RuntimeOptions> parsed;
        try {
            parsed = RuntimeOptions.parse(args, System.getenv(), RepositoryRoot::find);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(RuntimeOptions.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.println(RuntimeOptions.USAGE);
            return;
        }
        RunningRuntime runtime;
        try {
            runtime = start(parsed.get());
        } catch (RuntimeException e) {
            LOG.debug("Start-up failed", e);
            System.err.println("The local runtime did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local runtime...");
            runtime.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stop-local-runtime"));
        System.out.println(banner(runtime, parsed.get(), Duration.ofNanos(System.nanoTime() - started)));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts everything and returns once the HTTP APIs answer and the pollers poll.
     *
     * @throws IllegalStateException    when a function's artifact is missing (processes); in-process, when two functions
     *                                  need one variable with different values, or the process environment would send
     *                                  the functions' calls elsewhere
     * @throws IllegalArgumentException when a handler class is missing or unusable (in-process)
     */
    public static RunningRuntime start(RuntimeOptions options) {
        return start(options, List.of());
    }

    /**
     * Starts everything, with listeners that get every line the functions' instances write (more can be added with
     * {@link RunningRuntime#addLogListener}); the runtime's own, {@link EmfMetrics}, reads their metrics for
     * {@code /health}. In-process, the lines are what the functions' container threads write to standard output.
     */
    public static RunningRuntime start(RuntimeOptions options, List<FunctionLogLines> logListeners) {
        EmfMetrics metrics = new EmfMetrics(java.time.Clock.systemUTC());
        List<FunctionLogLines> listeners = new CopyOnWriteArrayList<>(logListeners);
        listeners.add(0, metrics);
        boolean processes = options.functionHosting() == RuntimeOptions.FunctionHosting.PROCESSES;
        // refuse before the emulators start: a missing artifact is a build step away
        FunctionArtifacts artifacts = null;
        if (processes) {
            artifacts = FunctionArtifacts.of(options.repositoryRoot());
            requireArtifacts(artifacts, SamTemplate.load(options.repositoryRoot().resolve("template.yaml")));
        }
        LocalCloud cloud = LocalCloud.start(options.repositoryRoot(), options.dataDir(), options.parameterOverrides());
        // the functions' Lambda API calls (the surge controller's UpdateEventSourceMapping) reach the pollers here
        LocalLambdaApi lambdaApi = LocalLambdaApi.start();
        Optional<LocalFaults> faults = Optional.empty();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        Path scratch = null;
        List<SqsEventSourcePoller> pollers = new ArrayList<>();
        Map<String, HttpApiGateway> gateways = new LinkedHashMap<>();
        ScheduledEvents schedules = null;
        Runnable restoreProperties = () -> { };
        try {
            SamTemplate template = cloud.template();
            if (options.faultInjection()) {
                faults = Optional.of(LocalFaults.start(cloud.aws(), template.functions().stream()
                        .map(FunctionSpec::logicalId).collect(Collectors.toSet()), System.nanoTime()));
            }
            Map<String, String> endpointOverrides = faults.map(LocalFaults::endpointOverrides).orElse(Map.of());
            if (processes) {
                scratch = Files.createTempDirectory("damagedesk-lambda-");
                for (FunctionSpec spec : template.functions()) {
                    functions.put(spec.logicalId(), new ProcessFunction(artifacts.launch(spec,
                            template.functionProperties(spec.logicalId()), functionEnvironment(cloud, lambdaApi, spec.logicalId(), endpointOverrides), scratch),
                            containersFor(spec), listeners));
                }
            } else {
                for (FunctionSpec spec : template.functions()) {
                    functions.put(spec.logicalId(), new LocalFunction(spec, containersFor(spec))); // loads, does not initialise
                }
                Runnable restoreEnvironment = applyEnvironments(cloud, lambdaApi, template, endpointOverrides);
                InProcessOutput output = InProcessOutput.install((function, line) -> listeners.forEach(listener -> listener.line(function, line)));
                restoreProperties = () -> {
                    output.close();
                    restoreEnvironment.run();
                };
            }
            if (faults.isPresent()) {
                LocalFaults local = faults.get();
                functions.replaceAll((logicalId, function) -> local.wrap(function));
            }
            for (FunctionSpec spec : template.functions()) {
                for (SqsEventSource source : spec.sqsEventSources()) {
                    SqsEventSourcePoller poller = new SqsEventSourcePoller(cloud.aws().sqs(), source,
                            cloud.resources().queueUrl(source.queueLogicalId()), cloud.resources().queueArn(source.queueLogicalId()),
                            functions.get(spec.logicalId()), options.failedMessageVisibilitySeconds(),
                            SqsEventSourcePoller.DEFAULT_CONCURRENCY_CAP);
                    if (faults.isPresent()) {
                        poller.deliverTwice(faults.get().injection()::duplicatesOf);
                    }
                    pollers.add(poller);
                    lambdaApi.register(cloud.resources().functionName(spec.logicalId()),
                            cloud.resources().functionArn(spec.logicalId()),
                            cloud.resources().queueArn(source.queueLogicalId()), poller);
                    poller.start();
                }
            }
            StaffSide staff = new StaffSide(cloud);
            int port = options.port();
            for (Map.Entry<String, List<RouteBinding>> api : routesByApi(template, functions, staff).entrySet()) {
                HttpApiGateway gateway = new HttpApiGateway(api.getKey(), api.getValue(), GATEWAY_THREADS);
                gateway.throttle(RouteThrottles.of(template.httpApi(api.getKey()), cloud.values()));
                gateways.put(api.getKey(), gateway);
                gateway.start(port);
                port = port == 0 ? 0 : port + 1;
            }
            Optional<URI> adminPage = Optional.empty();
            if (!gateways.isEmpty()) {
                // the admin page is served from the first (public) API's port: its origin stands for CloudFront's
                HttpApiGateway first = gateways.values().iterator().next();
                URI pageOrigin = first.baseUri();
                Map<String, URI> apiBaseUris = new LinkedHashMap<>();
                gateways.forEach((api, gateway) -> apiBaseUris.put(api, gateway.baseUri()));
                gateways.forEach((api, gateway) -> staff.cors(api, pageOrigin).ifPresent(gateway::cors));
                Optional<String> distribution = staff.distribution();
                if (distribution.isPresent()) {
                    first.mount(staff.adminPage(options.repositoryRoot(), distribution.get(), pageOrigin, apiBaseUris));
                    adminPage = Optional.of(pageOrigin.resolve(StaffSide.PAGE_PREFIX));
                }
            }
            schedules = new ScheduledEvents(template.functions(), functions, java.time.Clock.systemUTC());
            schedules.start();
            RunningRuntime runtime = new RunningRuntime(cloud, functions, pollers, gateways, restoreProperties, adminPage,
                    schedules, listeners, scratch, metrics, lambdaApi, faults);
            Map<String, Object> health = health(runtime);
            gateways.values().forEach(gateway -> gateway.ready(() -> withMetrics(health, metrics)));
            return runtime;
        } catch (IOException e) {
            if (schedules != null) {
                schedules.close();
            }
            RunningRuntime.stopAll(gateways.values(), pollers, functions.values(), cloud);
            faults.ifPresent(LocalFaults::close);
            lambdaApi.close();
            restoreProperties.run();
            RunningRuntime.deleteScratch(scratch);
            throw new UncheckedIOException("Cannot serve the HTTP API on port " + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (schedules != null) {
                schedules.close();
            }
            RunningRuntime.stopAll(gateways.values(), pollers, functions.values(), cloud);
            faults.ifPresent(LocalFaults::close);
            lambdaApi.close();
            restoreProperties.run();
            RunningRuntime.deleteScratch(scratch);
            throw e;
        }
    }

    /**
     * Refuses to start when any function's deployment artifact (or the runtime interface client) is missing or a
     * function is no Java function; warns when its Java version is not this JVM's (the instances run on this JVM).
     */
    private static void requireArtifacts(FunctionArtifacts artifacts, SamTemplate template) {
        List<String> missing = new ArrayList<>();
        for (FunctionSpec spec : template.functions()) {
            Object runtime = template.functionProperties(spec.logicalId()).get("Runtime");
            if (runtime != null && !String.valueOf(runtime).matches("java\\d+")) {
                missing.add(spec.logicalId() + ": Runtime " + runtime + " is not a Java runtime; the local runtime runs Java functions only");
            } else if (runtime != null && !String.valueOf(runtime).equals("java" + Runtime.version().feature())) {
                LOG.warn("{}: Runtime {} runs on this machine's Java {} locally", spec.logicalId(), runtime, Runtime.version().feature());
            }
            try {
                artifacts.artifactOf(spec.logicalId());
            } catch (IllegalStateException e) {
                missing.add(e.getMessage());
            }
        }
        try {
            artifacts.runtimeInterfaceClient();
        } catch (IllegalStateException e) {
            missing.add(e.getMessage());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("\n", missing));
        }
    }

    /**
     * Sets every function's environment as system properties, before any handler class is initialised. Refuses when
     * the process environment already sets an endpoint variable to another value (the functions read the environment
     * first, so their calls would leave the emulators); warns about other shadowed variables.
     *
     * @return puts the system properties back as they were
     */
    private static Runnable applyEnvironments(LocalCloud cloud, LocalLambdaApi lambdaApi, SamTemplate template,
                                              Map<String, String> endpointOverrides) {
        Map<String, Map<String, String>> byFunction = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions()) {
            byFunction.put(spec.logicalId(), functionEnvironment(cloud, lambdaApi, spec.logicalId(), endpointOverrides));
        }
        SharedEnvironment environment = SharedEnvironment.merge(byFunction);
        List<String> endpoints = environment.overriddenEndpoints(System::getenv);
        if (!endpoints.isEmpty()) {
            throw new IllegalStateException("This shell sets " + String.join(", ", endpoints) + " to another value than the"
                    + " local emulators; the functions read the environment first and would call it instead. Unset "
                    + (endpoints.size() == 1 ? "it" : "them") + " and start again.");
        }
        List<String> shadowed = environment.shadowedBy(System::getenv);
        if (!shadowed.isEmpty()) {
            LOG.warn("This shell sets {} to other values than the template gives the functions; the functions will see the"
                    + " shell's values", shadowed);
        }
        return environment.applyAsSystemProperties();
    }

    /** The template's environment of a function, the emulators' endpoints and the local Lambda API's. */
    private static Map<String, String> functionEnvironment(LocalCloud cloud, LocalLambdaApi lambdaApi, String logicalId,
                                                          Map<String, String> endpointOverrides) {
        Map<String, String> environment = new LinkedHashMap<>(cloud.functionEnvironment(logicalId));
        environment.putAll(lambdaApi.clientProperties());
        endpointOverrides.forEach(environment::replace); // the fault proxies, with --fault-injection
        return environment;
    }

    /** A container per request the gateway serves at once, plus one per batch its pollers may have in flight. */
    private static int containersFor(FunctionSpec spec) {
        int containers = spec.httpRoutes().isEmpty() ? 0 : GATEWAY_THREADS;
        // the cap, not the template's MaximumConcurrency: UpdateEventSourceMapping may raise it while the runtime runs
        containers += spec.sqsEventSources().size() * SqsEventSourcePoller.DEFAULT_CONCURRENCY_CAP;
        containers += spec.schedules().size();
        return Math.max(1, containers);
    }

    /** Every HTTP API of the template (one without routes answers 404, as on AWS), each route with its authorizer. */
    private static Map<String, List<RouteBinding>> routesByApi(SamTemplate template, Map<String, LambdaFunction> functions,
                                                               StaffSide staff) {
        Map<String, List<RouteBinding>> byApi = new LinkedHashMap<>();
        template.httpApis().forEach(api -> byApi.put(api, new ArrayList<>()));
        for (FunctionSpec spec : template.functions()) {
            for (HttpRoute route : spec.httpRoutes()) {
                byApi.computeIfAbsent(route.apiLogicalId(), api -> new ArrayList<>())
                        .add(new RouteBinding(route, functions.get(spec.logicalId()), staff.authorizerFor(route),
                                route.auth().scopes()));
            }
        }
        return byApi;
    }

    /** The runtime's endpoints, and the metrics the functions wrote in the last minute. */
    private static Map<String, Object> withMetrics(Map<String, Object> health, EmfMetrics metrics) {
        Map<String, Object> answer = new LinkedHashMap<>(health);
        answer.put("metrics", metrics.lastMinute());
        return answer;
    }

    private static Map<String, Object> health(RunningRuntime runtime) {
        LocalCloud cloud = runtime.cloud();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        Map<String, String> apis = new LinkedHashMap<>();
        runtime.apiBaseUris().forEach((api, uri) -> apis.put(api, uri.toString()));
        health.put("apis", apis);
        health.put("mailbox", cloud.aws().sesEndpoint().toString());
        health.put("sqs", cloud.aws().sqsEndpoint().toString());
        health.put("dynamodb", cloud.aws().dynamoDbEndpoint().toString());
        health.put("ses", cloud.aws().sesEndpoint().toString());
        health.put("cognito", cloud.aws().cognitoEndpoint().toString());
        health.put("s3", cloud.aws().s3Endpoint().toString());
        // logical id to pool id / client id / bucket name: what the command-line tool needs for `staff ...`
        health.put("userPools", Map.copyOf(cloud.resources().staff().userPoolIds()));
        health.put("userPoolClients", Map.copyOf(cloud.resources().staff().clientIds()));
        health.put("buckets", Map.copyOf(cloud.resources().staff().bucketNames()));
        runtime.adminPageUri().ifPresent(uri -> health.put("adminPage", uri.toString()));
        Map<String, String> queues = new LinkedHashMap<>();
        cloud.template().queues().forEach(queue -> queues.put(queue.logicalId(), cloud.resources().queueUrl(queue.logicalId())));
        health.put("queues", queues);
        Map<String, String> tables = new LinkedHashMap<>();
        cloud.template().tables().forEach(table -> tables.put(table.logicalId(), cloud.resources().tableName(table.logicalId())));
        health.put("tables", tables);
        health.put("functions", List.copyOf(runtime.functions().keySet()));
        runtime.faults().ifPresent(faults -> health.put("faults", faults.controlEndpoint().toString()));
        return Map.copyOf(health);
    }

    static String banner(RunningRuntime runtime, RuntimeOptions options, Duration startup) {
        LocalCloud cloud = runtime.cloud();
        SamTemplate template = cloud.template();
        StringBuilder text = new StringBuilder();
        text.append("\nDamageDesk local runtime is up (").append(startup.toMillis()).append(" ms)\n");
        text.append(String.format("  %-14s %s%n", "Functions", options.functionHosting() == RuntimeOptions.FunctionHosting.PROCESSES
                ? "one JVM per instance, from functions/*/target/*-lambda.jar, started on first use (--functions processes)"
                : "all in this JVM (--functions in-process)"));
        Map<String, URI> apis = runtime.apiBaseUris();
        apis.forEach((api, uri) -> {
            text.append(String.format("  %-14s %s  (%s)%n", "API", uri, api));
            for (FunctionSpec spec : template.functions()) {
                for (HttpRoute route : spec.httpRoutes()) {
                    if (route.apiLogicalId().equals(api)) {
                        text.append(String.format("  %-14s   %-32s -> %s%n", "", route.routeKey(), spec.logicalId()));
                    }
                }
            }
            text.append(String.format("  %-14s %s/health%n", "Health", uri));
        });
        runtime.adminPageUri().ifPresent(uri -> text.append(String.format("  %-14s %s%n", "Admin page", uri)));
        var demoUsers = cloud.resources().staff().demoUsers();
        for (int i = 0; i < demoUsers.size(); i++) {
            var user = demoUsers.get(i);
            text.append(String.format("  %-14s %-28s password %s  (%s, local only)%n", i == 0 ? "Staff sign-in" : "",
                    user.email(), user.password(), user.group()));
        }
        text.append(String.format("  %-14s %s/  (every email the functions send)%n", "Mailbox", stripSlash(cloud.aws().sesEndpoint())));
        text.append(String.format("  %-14s %s  user pools: %s%n", "Cognito", cloud.aws().cognitoEndpoint(),
                String.join(", ", cloud.resources().staff().userPoolIds().values())));
        text.append(String.format("  %-14s %s  buckets: %s%n", "S3", cloud.aws().s3Endpoint(),
                String.join(", ", cloud.resources().staff().bucketNames().values())));
        text.append(String.format("  %-14s %s%n", "SQS", cloud.aws().sqsEndpoint()));
        text.append(String.format("  %-14s %s  (event source mappings: list, get, update MaximumConcurrency)%n", "Lambda API",
                runtime.lambdaApiEndpoint()));
        text.append(String.format("  %-14s %s  tables: %s%n", "DynamoDB", cloud.aws().dynamoDbEndpoint(),
                template.tables().stream().map(table -> cloud.resources().tableName(table.logicalId())).collect(Collectors.joining(", "))));
        text.append(String.format("  %-14s", "Queues"));
        boolean first = true;
        for (QueueSpec queue : template.queues()) {
            String consumers = template.functions().stream()
                    .flatMap(spec -> spec.sqsEventSources().stream()
                            .filter(source -> source.queueLogicalId().equals(queue.logicalId()))
                            .map(source -> spec.logicalId() + " (batch " + source.batchSize()
                                    + (source.reportBatchItemFailures() ? ", partial batch failures" : "") + ")"))
                    .collect(Collectors.joining(", "));
            text.append(first ? " " : String.format("  %-14s ", "")).append(queue.logicalId())
                    .append(consumers.isEmpty() ? "" : " -> " + consumers).append('\n');
            first = false;
        }
        if (first) {
            text.append(" none\n");
        }
        for (ScheduledEvents.Rule rule : runtime.schedules().rules()) {
            text.append(String.format("  %-14s %s %s -> %s%s%n", "Schedule", rule.event().eventName(),
                    rule.event().expression(), rule.functionLogicalId(), rule.event().enabled() ? "" : " (disabled)"));
        }
        options.failedMessageVisibilitySeconds().ifPresent(seconds -> text.append(String.format(
                "  %-14s failed messages are retried after %d s, not after the queue's VisibilityTimeout (local only)%n",
                "Retries", seconds)));
        text.append(String.format("  %-14s %s%n", "Data", options.dataDir().map(dir -> "kept in " + dir).orElse("in memory, nothing kept")));
        runtime.faults().ifPresent(faults -> text.append(String.format(
                "  %-14s %s  (local only: GET shows the faults; DynamoDB and SES calls go through its proxies)%n",
                "Faults", faults.controlEndpoint())));
        List<String> unemulated = wrap(List.copyOf(template.unemulatedResources().keySet()), 80);
        for (int i = 0; i < unemulated.size(); i++) {
            text.append(String.format("  %-14s %s%n", i == 0 ? "Not emulated" : "", unemulated.get(i)));
        }
        text.append("Ctrl-C stops it.\n");
        return text.toString();
    }

    /** Names joined by commas, in lines of at most about {@code width} characters. */
    private static List<String> wrap(List<String> names, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (line.length() > 0 && line.length() + name.length() + 2 > width) {
                lines.add(line.append(',').toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? ", " : "").append(name);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}

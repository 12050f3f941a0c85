package dev.damagedesk.localruntime.function.process;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.template.LocalResourceNames;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.FunctionInvocationException.Kind;
import dev.damagedesk.localruntime.function.InstancePool;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One execution environment of a function: its own JVM, started as the managed Java runtime starts it (the runtime
 * interface client's {@code AWSLambda} main class with the handler as its argument), with the function's artifact on
 * the class path, its variables as the process environment, and its own {@link RuntimeApiServer}.
 *
 * <p>The init phase lasts from the process start to the runtime's first {@code next} call; an {@code init/error}, an
 * exit, or more than {@link LambdaFunction#INIT_TIMEOUT} fail it. An invocation past the function's timeout kills the
 * process ({@code Task timed out after N seconds}); an exit during an invocation fails it with
 * {@code Runtime.ExitError}. Either leaves the environment unusable: the pool starts a new one. Every invocation is
 * logged as Lambda logs it ({@code START}, {@code END}, {@code REPORT}).
 */
final class FunctionInstance implements InstancePool.Instance {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * The managed java17 runtime starts the JVM with {@code -XX:MaxHeapSize} at 85% of the function's memory size (its
     * launcher's command line shows {@code -XX:MaxHeapSize=445645k} for 512 MB); the rest is for metaspace, threads
     * and the code cache.
     */
    static final int HEAP_PERCENT_OF_MEMORY = 85;

    private static final Pattern HIGH_WATER_MARK = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

    private final InstanceLaunch launch;
    private final FunctionOutput output;
    private final RuntimeApiServer api;
    private final Process process;
    private final long startedNanos;
    private final String functionArn;
    private long initNanos;
    private boolean firstInvocation = true;
    private volatile boolean broken;

    private FunctionInstance(InstanceLaunch launch, FunctionOutput output, RuntimeApiServer api, Process process,
                             long startedNanos) {
        this.launch = launch;
        this.output = output;
        this.api = api;
        this.process = process;
        this.startedNanos = startedNanos;
        this.functionArn = "arn:aws:lambda:" + LocalResourceNames.LOCAL_REGION + ":" + LocalResourceNames.LOCAL_ACCOUNT_ID
                + ":function:" + launch.functionName();
    }

    /**
     * Starts the process and runs its init phase.
     *
     * @throws FunctionInvocationException {@link Kind#INIT_ERROR} when the init phase fails, exits or runs too long
     */
    static FunctionInstance start(InstanceLaunch launch, FunctionOutput output) throws FunctionInvocationException {
        return start(launch, output, LambdaFunction.INIT_TIMEOUT);
    }

    /** @param initTimeout Lambda's 10 s; shorter in tests */
    static FunctionInstance start(InstanceLaunch launch, FunctionOutput output, Duration initTimeout)
            throws FunctionInvocationException {
        RuntimeApiServer api = new RuntimeApiServer(launch.functionName());
        ProcessBuilder builder = new ProcessBuilder(command(launch)).directory(taskRoot(launch).toFile());
        builder.environment().clear(); // only what Lambda gives a function, nothing of this shell
        builder.environment().putAll(environment(launch, api.address()));
        output.line("INIT_START Runtime Version: java:" + Runtime.version().feature() + " (local JVM " + Runtime.version() + ")");
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("Cannot start a JVM for " + launch.functionName(), e);
        }
        FunctionInstance instance = new FunctionInstance(launch, output, api, process, started);
        instance.forward(process.getInputStream(), "stdout");
        instance.forward(process.getErrorStream(), "stderr");
        instance.awaitInit(initTimeout);
        return instance;
    }

    /** The command line, as the managed runtime's launcher builds it (JAVA_TOOL_OPTIONS comes in through the environment). */
    static List<String> command(InstanceLaunch launch) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + (long) launch.memoryMb() * 1024 * HEAP_PERCENT_OF_MEMORY / 100 + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+ErrorFileToStderr"); // a JVM crash report goes to the log, not to an hs_err file
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        NativeClientLibrary.of(launch.runtime()).ifPresent(library -> command.add("-D" + NativeClientLibrary.PROPERTY + "=" + library));
        command.add("-classpath");
        // The runtime first, as on Lambda: its classes come from the system class loader and the function's through a
        // child loader that asks its parent first, so the runtime's copies (aws-lambda-java-core, utils-lite) win over
        // the artifact's. The other way round, a shrunk copy in the artifact breaks the runtime client itself.
        List<Path> classPath = new ArrayList<>(launch.runtime());
        classPath.addAll(launch.artifact());
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(MAIN_CLASS);
        command.add(launch.handler());
        return command;
    }

    /** The template's variables and the reserved ones Lambda sets for every function. */
    static Map<String, String> environment(InstanceLaunch launch, String runtimeApi) {
        Map<String, String> environment = new LinkedHashMap<>();
        // the launch's variables with system-property names (aws.region, ...) are for in-process hosting only
        launch.environment().forEach((name, value) -> {
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                environment.put(name, value);
            }
        });
        String region = environment.getOrDefault("AWS_REGION", LocalResourceNames.LOCAL_REGION);
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", launch.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(launch.memoryMb()));
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + launch.functionName());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[$LATEST]"
                + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16));
        if ("JSON".equalsIgnoreCase(launch.logFormat())) {
            // Lambda sets the log level variables only for the JSON log format
            environment.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
            if (!launch.logLevel().isEmpty()) {
                environment.put("AWS_LAMBDA_LOG_LEVEL", launch.logLevel().toUpperCase(Locale.ROOT));
            }
        }
        environment.put("_HANDLER", launch.handler());
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("LAMBDA_TASK_ROOT", taskRoot(launch).toString());
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        environment.putIfAbsent("AWS_ACCESS_KEY_ID", "local");
        environment.putIfAbsent("AWS_SECRET_ACCESS_KEY", "local");
        return environment;
    }

    /** Process start to the end of the init phase. */
    Duration initDuration() {
        return Duration.ofNanos(initNanos);
    }

    /** Nanos ({@link System#nanoTime()}) at which the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return !broken && process.isAlive();
    }

    /**
     * Runs one invocation.
     *
     * @return the response as the runtime posted it
     */
    String invoke(String event) throws FunctionInvocationException {
        String requestId = UUID.randomUUID().toString();
        Duration timeout = launch.timeout();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String status = null;
        output.line("START RequestId: " + requestId + " Version: $LATEST");
        CompletableFuture<RuntimeApiServer.Outcome> outcome = new CompletableFuture<>();
        RuntimeApiServer.Invocation invocation = new RuntimeApiServer.Invocation(requestId, event,
                System.currentTimeMillis() + timeout.toMillis(), functionArn, traceId(), outcome);
        try {
            deliver(invocation, deadline);
            RuntimeApiServer.Outcome answer;
            try {
                Object first = CompletableFuture.anyOf(outcome, process.onExit())
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first instanceof Process) {
                    answer = outcome.getNow(null);
                    if (answer == null) {
                        throw exited(requestId);
                    }
                } else {
                    answer = (RuntimeApiServer.Outcome) first;
                }
            } catch (TimeoutException e) {
                throw new TimedOut();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                broken = true;
                throw new FunctionInvocationException(launch.functionName(), Kind.HANDLER_ERROR, "caller interrupted", e);
            }
            if (!answer.error()) {
                if (answer.body().getBytes(StandardCharsets.UTF_8).length > LambdaFunction.MAX_PAYLOAD_BYTES) {
                    status = "error";
                    throw new FunctionInvocationException(launch.functionName(), Kind.PAYLOAD_TOO_LARGE,
                            "Response payload size exceeded maximum allowed payload size (" + LambdaFunction.MAX_PAYLOAD_BYTES + " bytes)", null);
                }
                return answer.body();
            }
            status = "error";
            throw handlerError(answer);
        } catch (TimedOut e) {
            status = "timeout";
            broken = true;
            throw new FunctionInvocationException(launch.functionName(), Kind.TIMEOUT,
                    "Task timed out after " + timeout.toSeconds() + " seconds", null);
        } catch (FunctionInvocationException e) {
            if (e.kind() == Kind.RUNTIME_EXIT) {
                status = "error Error Type: Runtime.ExitError";
            }
            throw e;
        } finally {
            long durationNanos = System.nanoTime() - start;
            OptionalLong memoryMb = maxMemoryUsedMb();
            if ("timeout".equals(status)) {
                process.destroyForcibly(); // Lambda stops the whole runtime, not just the late invocation
            }
            report(requestId, durationNanos, memoryMb, status);
            if ("timeout".equals(status)) {
                output.line(Instant.now() + " " + requestId + " Task timed out after "
                        + String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0) + " seconds");
            }
        }
    }

    /** Reusable while alive and back in {@code next}; an exit after the answer (an Error in the runtime) is caught here. */
    @Override
    public boolean reusable() {
        if (broken) {
            return false;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < until && process.isAlive()) {
            if (api.waitingForEvent()) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        broken = true;
        return false;
    }

    @Override
    public void destroy() {
        broken = true;
        process.destroyForcibly();
        api.close();
    }

    private void awaitInit(Duration initTimeout) throws FunctionInvocationException {
        String failure;
        String errorType;
        try {
            Object first = CompletableFuture.anyOf(api.init(), process.onExit())
                    .get(initTimeout.toMillis(), TimeUnit.MILLISECONDS);
            RuntimeApiServer.Outcome initError = api.init().getNow(null);
            if (first == null || (api.init().isDone() && initError == null)) {
                initNanos = System.nanoTime() - startedNanos;
                return;
            }
            if (initError != null) {
                Map<String, Object> error = errorBody(initError.body());
                errorType = String.valueOf(error.getOrDefault("errorType", initError.errorTypeHeader()));
                failure = errorType + ": " + error.getOrDefault("errorMessage", "");
            } else {
                errorType = "Runtime.ExitError";
                failure = "Runtime exited with error: exit status " + process.exitValue();
            }
        } catch (TimeoutException e) {
            errorType = "Sandbox.Timedout";
            failure = "Init timed out after " + initTimeout.toSeconds() + " seconds";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
            throw new FunctionInvocationException(launch.functionName(), Kind.INIT_ERROR, "interrupted during init", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        long initMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        destroy();
        output.line("INIT_REPORT Init Duration: " + initMillis + ".00 ms Phase: init Status: error Error Type: " + errorType);
        throw new FunctionInvocationException(launch.functionName(), Kind.INIT_ERROR, failure, null);
    }

    /** Waits for the runtime to ask for the event (it is in, or about to be in, {@code next}). */
    private void deliver(RuntimeApiServer.Invocation invocation, long deadline) throws FunctionInvocationException, TimedOut {
        try {
            while (!api.offer(invocation, 50)) {
                if (!process.isAlive()) {
                    throw exited(invocation.requestId());
                }
                if (System.nanoTime() >= deadline) {
                    throw new TimedOut();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            throw new FunctionInvocationException(launch.functionName(), Kind.HANDLER_ERROR, "caller interrupted", e);
        }
    }

    private FunctionInvocationException exited(String requestId) {
        broken = true;
        int exitValue = process.exitValue();
        String reason = exitValue > 128 ? "signal: " + signalName(exitValue - 128) : "exit status " + exitValue;
        output.line("RequestId: " + requestId + " Error: Runtime exited with error: " + reason);
        output.line("Runtime.ExitError");
        return new FunctionInvocationException(launch.functionName(), Kind.RUNTIME_EXIT,
                "Runtime.ExitError: RequestId: " + requestId + " Error: Runtime exited with error: " + reason, null);
    }

    private FunctionInvocationException handlerError(RuntimeApiServer.Outcome answer) {
        Map<String, Object> error = errorBody(answer.body());
        Object type = error.getOrDefault("errorType", answer.errorTypeHeader());
        return new FunctionInvocationException(launch.functionName(), Kind.HANDLER_ERROR,
                type + (error.containsKey("errorMessage") ? ": " + error.get("errorMessage") : ""), null);
    }

    private static Map<String, Object> errorBody(String body) {
        try {
            Map<String, Object> parsed = JSON.std.mapFrom(body);
            return parsed == null ? Map.of() : parsed;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private void report(String requestId, long durationNanos, OptionalLong memoryMb, String status) {
        double durationMs = durationNanos / 1_000_000.0;
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", durationMs)).append(" ms");
        // Since August 2025 Lambda bills the init phase of on-demand functions on managed runtimes too
        double billed = Math.ceil(durationMs) + (firstInvocation ? Math.ceil(initNanos / 1_000_000.0) : 0);
        line.append("\tBilled Duration: ").append((long) billed).append(" ms");
        line.append("\tMemory Size: ").append(launch.memoryMb()).append(" MB");
        memoryMb.ifPresent(used -> line.append("\tMax Memory Used: ").append(used).append(" MB"));
        if (firstInvocation) {
            line.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", initNanos / 1_000_000.0)).append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        firstInvocation = false;
        output.line("END RequestId: " + requestId);
        output.line(line.toString());
    }

    /** The process's peak resident set (Linux {@code VmHWM}), what Lambda reports as Max Memory Used. */
    private OptionalLong maxMemoryUsedMb() {
        try {
            Matcher matcher = HIGH_WATER_MARK.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)) / 1024) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // not Linux, or the process is gone
        }
    }

    private void forward(InputStream stream, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.line(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "lambda-" + launch.functionName() + "-" + process.pid() + "-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private static Path taskRoot(InstanceLaunch launch) {
        try {
            return Files.createDirectories(launch.taskRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + launch.taskRoot(), e);
        }
    }

    /** An X-Ray trace header as Lambda passes it (the runtime interface client needs one). */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + String.format("%024x", new java.math.BigInteger(96, random)) + ";Parent="
                + String.format("%016x", random.nextLong()) + ";Sampled=0";
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 15 -> "terminated";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            default -> Integer.toString(signal);
        };
    }

    /** The invocation ran past the function's timeout. */
    private static final class TimedOut extends Exception {
        TimedOut() {
            super(null, null, false, false);
        }
    }
}

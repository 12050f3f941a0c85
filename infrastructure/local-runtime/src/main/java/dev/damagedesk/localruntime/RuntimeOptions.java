package dev.damagedesk.localruntime;

import dev.damagedesk.localaws.RepositoryRoot;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * How to run the local runtime.
 *
 * @param repositoryRoot                 the folder with {@code template.yaml} and {@code infrastructure/emulators}
 * @param port                           the HTTP API's port on 127.0.0.1, 0 for any free one; a template with several
 *                                       HTTP APIs serves the next ones on the following ports
 * @param dataDir                        keeps the table, the queued messages, the user pool, the buckets and the
 *                                       secrets between runs; nothing is kept when empty
 * @param failedMessageVisibilitySeconds local deviation: failed SQS messages become visible again after this many
 *                                       seconds instead of the queue's visibility timeout
 * @param parameterOverrides             template parameters to use instead of their defaults
 * @param functionHosting                how the functions run: each instance its own JVM from the function's artifact
 *                                       (as on Lambda, the command line's default) or all handlers in this JVM
 * @param faultInjection                 local only: the functions' DynamoDB and SES calls go through fault proxies and
 *                                       a control API on its own port injects faults (never deployed)
 */
public record RuntimeOptions(
        Path repositoryRoot,
        int port,
        Optional<Path> dataDir,
        OptionalInt failedMessageVisibilitySeconds,
        Map<String, String> parameterOverrides,
        FunctionHosting functionHosting,
        boolean faultInjection) {

    public static final int DEFAULT_PORT = 3000;

    /** How the local runtime runs the functions. */
    public enum FunctionHosting {
        /**
         * Every execution environment is its own JVM started from the function's deployment artifact (its shaded jar)
         * with the Lambda runtime interface client, talking to a local Lambda Runtime API, its variables as the process
         * environment: cold starts, timeouts (the process is killed), crashes and memory as on Lambda.
         */
        PROCESSES,
        /** Every handler in this JVM, the environments passed as system properties: fast, for tests. */
        IN_PROCESS;

        public static FunctionHosting parse(String value) {
            return switch (value) {
                case "processes" -> PROCESSES;
                case "in-process" -> IN_PROCESS;
                default -> throw new IllegalArgumentException("--functions takes processes or in-process, got '" + value + "'");
            };
        }
    }

    static final String USAGE = String.join("\n",
            "Usage: ./run-local [--port N] [--data-dir DIR] [--failed-message-visibility SECONDS]",
            "                   [--parameter-overrides KEY=VALUE[,KEY=VALUE...]] [--functions processes|in-process]",
            "                   [--fault-injection]",
            "",
            "Runs DamageDesk's functions the way Lambda and API Gateway invoke them, against local emulators,",
            "wired from template.yaml.",
            "",
            "  --port N                          HTTP API port on 127.0.0.1 (else $PORT, else " + DEFAULT_PORT + "; 0 = any free port)",
            "  --data-dir DIR                    keep the table, the queued messages, the user pool, the buckets and the",
            "                                    secrets in DIR between runs (default: keep nothing)",
            "  --failed-message-visibility S     local only: failed SQS messages are retried after S seconds instead of",
            "                                    the queue's VisibilityTimeout (Lambda never does this)",
            "  --parameter-overrides K=V[,K=V]   template parameters instead of their defaults",
            "  --functions processes|in-process  processes (default): every function instance is its own JVM started",
            "                                    from the function's built artifact, behind a local Lambda Runtime API;",
            "                                    in-process: all handlers in this JVM (faster to start, less like Lambda)",
            "  --fault-injection                 local only: serve a fault control API (printed at start) that makes",
            "                                    functions fail or time out, SQS deliver twice, DynamoDB and SES calls",
            "                                    fail or wait, and stops and restarts emulators (needs --data-dir)",
            "  --help                            this text");

    public RuntimeOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        failedMessageVisibilitySeconds.ifPresent(seconds -> {
            if (seconds < 0 || seconds > 43_200) {
                throw new IllegalArgumentException("failed message visibility must be 0..43200 seconds, was " + seconds);
            }
        });
        parameterOverrides = Map.copyOf(parameterOverrides);
        java.util.Objects.requireNonNull(functionHosting, "functionHosting");
    }

    /** Options with the functions hosted in this JVM ({@link FunctionHosting#IN_PROCESS}), as most tests run them. */
    public RuntimeOptions(Path repositoryRoot, int port, Optional<Path> dataDir, OptionalInt failedMessageVisibilitySeconds,
                          Map<String, String> parameterOverrides) {
        this(repositoryRoot, port, dataDir, failedMessageVisibilitySeconds, parameterOverrides, FunctionHosting.IN_PROCESS, false);
    }

    /**
     * The repository found from the working directory (or {@code -Ddamagedesk.root}), port 3000, nothing kept, the
     * functions in this JVM (the quick set-up most tests use; the command line defaults to processes).
     */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(RepositoryRoot.find(), DEFAULT_PORT, Optional.empty(), OptionalInt.empty(), Map.of());
    }

    public RuntimeOptions withFunctionHosting(FunctionHosting hosting) {
        return new RuntimeOptions(repositoryRoot, port, dataDir, failedMessageVisibilitySeconds, parameterOverrides, hosting, faultInjection);
    }

    /** Options with fault injection on, as {@code --fault-injection} sets it. */
    public RuntimeOptions withFaultInjection() {
        return new RuntimeOptions(repositoryRoot, port, dataDir, failedMessageVisibilitySeconds, parameterOverrides, functionHosting, true);
    }

    /** Options as they are in every other respect, for a record that has more components than its callers name. */
    public RuntimeOptions(Path repositoryRoot, int port, Optional<Path> dataDir, OptionalInt failedMessageVisibilitySeconds,
                          Map<String, String> parameterOverrides, FunctionHosting functionHosting) {
        this(repositoryRoot, port, dataDir, failedMessageVisibilitySeconds, parameterOverrides, functionHosting, false);
    }

    public RuntimeOptions withRepositoryRoot(Path root) {
        return new RuntimeOptions(root, port, dataDir, failedMessageVisibilitySeconds, parameterOverrides, functionHosting, faultInjection);
    }

    public RuntimeOptions withPort(int newPort) {
        return new RuntimeOptions(repositoryRoot, newPort, dataDir, failedMessageVisibilitySeconds, parameterOverrides, functionHosting, faultInjection);
    }

    public RuntimeOptions withDataDir(Path dir) {
        return new RuntimeOptions(repositoryRoot, port, Optional.of(dir), failedMessageVisibilitySeconds, parameterOverrides, functionHosting, faultInjection);
    }

    public RuntimeOptions withFailedMessageVisibilitySeconds(int seconds) {
        return new RuntimeOptions(repositoryRoot, port, dataDir, OptionalInt.of(seconds), parameterOverrides, functionHosting, faultInjection);
    }

    public RuntimeOptions withParameterOverrides(Map<String, String> overrides) {
        return new RuntimeOptions(repositoryRoot, port, dataDir, failedMessageVisibilitySeconds, overrides, functionHosting, faultInjection);
    }

    /**
     * Reads the command line.
     *
     * @param environment    the process environment ({@code PORT} is the fallback for {@code --port})
     * @param repositoryRoot where the repository is (asked only when the options are complete)
     * @return empty when {@code --help} was asked for
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    static Optional<RuntimeOptions> parse(String[] args, Map<String, String> environment, Supplier<Path> repositoryRoot) {
        Integer port = null;
        Optional<Path> dataDir = Optional.empty();
        OptionalInt visibility = OptionalInt.empty();
        Map<String, String> overrides = new LinkedHashMap<>();
        FunctionHosting hosting = FunctionHosting.PROCESSES;
        boolean faultInjection = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                case "--port" -> port = integer(name, value != null ? value : next(args, ++i, name));
                case "--data-dir" -> dataDir = Optional.of(Paths.get(value != null ? value : next(args, ++i, name)));
                case "--failed-message-visibility" ->
                        visibility = OptionalInt.of(integer(name, value != null ? value : next(args, ++i, name)));
                case "--parameter-overrides" -> overrides.putAll(overrides(value != null ? value : next(args, ++i, name)));
                case "--functions" -> hosting = FunctionHosting.parse(value != null ? value : next(args, ++i, name));
                case "--fault-injection" -> faultInjection = true;
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (port == null) {
            String fromEnvironment = environment.get("PORT");
            port = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_PORT : integer("PORT", fromEnvironment);
        }
        return Optional.of(new RuntimeOptions(repositoryRoot.get(), port, dataDir, visibility, overrides, hosting, faultInjection));
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }

    private static Map<String, String> overrides(String value) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--parameter-overrides takes KEY=VALUE pairs separated by commas, got '" + pair + "'");
            }
            overrides.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return overrides;
    }
}

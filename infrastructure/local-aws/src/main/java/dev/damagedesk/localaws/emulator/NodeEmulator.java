package dev.damagedesk.localaws.emulator;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator that runs as a child {@code node} process from {@code infrastructure/emulators/node_modules}:
 * dynalite (DynamoDB), aws-ses-v2-local (SES v2), cognito-local (Cognito user pools) or s3rver (S3). It listens on a free loopback port, writes its output to a log
 * file (never the console), and is destroyed with its descendants by {@link #close()}, by a JVM shutdown hook, and,
 * should the JVM be killed outright, by itself when its stdin pipe from this JVM closes
 * ({@code emulators/exit-with-parent.js}).
 */
public final class NodeEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeEmulator.class);
    public static final String HOST = "127.0.0.1";
    /** Generous: cognito-local loads the whole AWS SDK for JavaScript, and these machines are shared and busy. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    /** How it was started: {@link #restartOnSamePort()} starts it again so. */
    private final Recipe recipe;
    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private NodeEmulator(Recipe recipe, Process process, URI endpoint, Path logFile) {
        this.recipe = recipe;
        this.name = recipe.name();
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::destroyTree, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** dynalite in memory, or in {@code dataDir} (a LevelDB directory) when present; logs under emulators/target. */
    public static NodeEmulator dynalite(Path emulatorsDir, Optional<Path> dataDir) {
        return dynalite(emulatorsDir, dataDir, defaultLogDir(emulatorsDir));
    }

    public static NodeEmulator dynalite(Path emulatorsDir, Optional<Path> dataDir, Path logDir) {
        Path cli = script(emulatorsDir, "dynalite/cli.js");
        return start("dynalite", emulatorsDir, logDir, port -> {
            List<String> arguments = new ArrayList<>(List.of(cli.toString(), "--host", HOST, "--port",
                    Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            dataDir.ifPresent(dir -> {
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot create the DynamoDB data directory " + dir, e);
                }
                arguments.addAll(List.of("--path", dir.toAbsolutePath().toString()));
            });
            return arguments;
        }, NodeEmulator::acceptsConnections);
    }

    /** aws-ses-v2-local; ready when {@code GET /health-check} answers 200. Logs under emulators/target. */
    public static NodeEmulator sesLocal(Path emulatorsDir) {
        return sesLocal(emulatorsDir, defaultLogDir(emulatorsDir));
    }

    public static NodeEmulator sesLocal(Path emulatorsDir, Path logDir) {
        return sesLocal(emulatorsDir, logDir, Optional.empty());
    }

    /**
     * aws-ses-v2-local; with a mailbox file, through {@code emulators/ses-local-with-mailbox.js}, which loads the mail
     * recorded there and records each mail sent before answering, so that the mailbox survives a restart or a kill.
     */
    public static NodeEmulator sesLocal(Path emulatorsDir, Path logDir, Optional<Path> mailboxFile) {
        Path cli = script(emulatorsDir, "aws-ses-v2-local/dist/cli.js");
        Path keeper = emulatorsDir.resolve("ses-local-with-mailbox.js").toAbsolutePath();
        return start("ses-local", emulatorsDir, logDir, port -> mailboxFile
                        .map(file -> List.of(keeper.toString(), "--mailbox", file.toAbsolutePath().toString(),
                                "--host", HOST, "--port", Integer.toString(port)))
                        .orElseGet(() -> List.of(cli.toString(), "--host", HOST, "--port", Integer.toString(port))),
                endpoint -> answers200(endpoint.resolve("/health-check")));
    }

    /**
     * cognito-local, listening on 127.0.0.1; it keeps its pools, clients and users as JSON under
     * {@code workingDir/.cognito} (its data directory: cognito-local has no option for it, it uses its working
     * directory). Its issuer is {@code http://localhost:<port>} as it is without configuration, written to
     * {@code .cognito/config.json} because listening on 127.0.0.1 ({@code HOST}) would change it. Ready when
     * {@code GET /health} answers 200.
     */
    public static NodeEmulator cognitoLocal(Path emulatorsDir, Path workingDir, Path logDir) {
        Path cli = script(emulatorsDir, "cognito-local/lib/bin/start.js");
        return start("cognito-local", emulatorsDir, workingDir, logDir, port -> {
            writeCognitoConfig(workingDir, port);
            return List.of(cli.toString());
        }, port -> java.util.Map.of("PORT", Integer.toString(port), "HOST", HOST),
                endpoint -> answers200(endpoint.resolve("/health")));
    }

    /** The issuer domain of cognito-local's tokens on {@code port}: {@code http://localhost:<port>}. */
    public static String cognitoIssuerDomain(int port) {
        return "http://localhost:" + port;
    }

    private static void writeCognitoConfig(Path workingDir, int port) {
        try {
            Path config = workingDir.resolve(".cognito").resolve("config.json");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"TokenConfig\":{\"IssuerDomain\":\"" + cognitoIssuerDomain(port) + "\"}}",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write cognito-local's configuration in " + workingDir, e);
        }
    }

    /** s3rver, keeping buckets and objects as files under {@code dataDir}; ready when it answers HTTP at all. */
    public static NodeEmulator s3rver(Path emulatorsDir, Path dataDir, Path logDir) {
        Path cli = script(emulatorsDir, "s3rver/bin/s3rver.js");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the S3 data directory " + dataDir, e);
        }
        return start("s3rver", emulatorsDir, emulatorsDir, logDir,
                port -> List.of(cli.toString(), "--directory", dataDir.toAbsolutePath().toString(),
                        "--address", HOST, "--port", Integer.toString(port), "--no-vhost-buckets"),
                port -> java.util.Map.of(), NodeEmulator::answersHttp);
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Starts this emulator again, once {@link #close() closed}, with the same command on the same port (its clients keep
     * their endpoint): the fault injection's restart. Its data survives only when it keeps it in files.
     *
     * @throws IllegalStateException while it runs, or when the port was taken meanwhile
     */
    public NodeEmulator restartOnSamePort() {
        if (!closed) {
            throw new IllegalStateException(name + " is running: close it before starting it again");
        }
        return start(recipe, OptionalInt.of(port()));
    }

    /** Destroys the process and its descendants and waits until they are gone. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run: destroying twice is harmless
        }
        destroyTree();
        LOG.debug("{} at {} stopped", name, endpoint);
    }

    @Override
    public String toString() {
        return name + " at " + endpoint + " (pid " + process.pid() + ", log " + logFile + ")";
    }

    // ------------------------------------------------------------------ start-up

    interface Command {
        List<String> arguments(int port);
    }

    interface Environment {
        java.util.Map<String, String> variables(int port);
    }

    static NodeEmulator start(String name, Path emulatorsDir, Path logDir, Command command,
                                      Predicate<URI> ready) {
        return start(name, emulatorsDir, emulatorsDir, logDir, command, port -> java.util.Map.of(), ready);
    }

    /** What {@link #start} needs to start an emulator, kept to start it again. */
    private record Recipe(String name, Path emulatorsDir, Path workingDir, Path logDir, Command command,
                          Environment environment, Predicate<URI> ready) {
    }

    static NodeEmulator start(String name, Path emulatorsDir, Path workingDir, Path logDir, Command command,
                              Environment environment, Predicate<URI> ready) {
        return start(new Recipe(name, emulatorsDir, workingDir, logDir, command, environment, ready), OptionalInt.empty());
    }

    /** On {@code fixedPort} (one attempt), or on a free port (a few attempts, should another process take it first). */
    private static NodeEmulator start(Recipe recipe, OptionalInt fixedPort) {
        String name = recipe.name();
        Path emulatorsDir = recipe.emulatorsDir();
        Path workingDir = recipe.workingDir();
        Path logDir = recipe.logDir();
        Command command = recipe.command();
        Environment environment = recipe.environment();
        Predicate<URI> ready = recipe.ready();
        Path watchdog = emulatorsDir.resolve("exit-with-parent.js").toAbsolutePath();
        Path logFile = logDir.resolve(name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the emulator log directory " + logDir, e);
        }
        IllegalStateException lastFailure = null;
        int attempts = fixedPort.isPresent() ? 1 : PORT_ATTEMPTS;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int port = fixedPort.orElseGet(NodeEmulator::freePort);
            URI endpoint = URI.create("http://" + HOST + ":" + port);
            List<String> commandLine = new ArrayList<>(List.of("node"));
            if (Files.isRegularFile(watchdog)) {
                commandLine.addAll(List.of("--require", watchdog.toString()));
            }
            commandLine.addAll(command.arguments(port));
            long logOffset = appendHeader(logFile, name, commandLine);
            long started = System.nanoTime();
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(commandLine);
                builder.environment().putAll(environment.variables(port));
                process = builder
                        .directory(workingDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start(); // stdin stays a pipe from this JVM: exit-with-parent.js watches it
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start " + name + ": is Node.js ('node') on the PATH? "
                        + e.getMessage(), e);
            }
            try {
                if (awaitReady(process, endpoint, ready)) {
                    LOG.info("{} listening at {} after {} ms (pid {}, log {})", name, endpoint,
                            Duration.ofNanos(System.nanoTime() - started).toMillis(), process.pid(), logFile);
                    return new NodeEmulator(recipe, process, endpoint, logFile);
                }
            } catch (RuntimeException e) {
                destroyTree(process);
                throw e;
            }
            String output = readFrom(logFile, logOffset);
            if (process.isAlive()) {
                destroyTree(process);
                throw new IllegalStateException(name + " did not answer on " + endpoint + " within "
                        + START_TIMEOUT.toSeconds() + " s. Its output (" + logFile + "):\n" + output);
            }
            lastFailure = new IllegalStateException(name + " exited with code " + process.exitValue()
                    + " before it answered on " + endpoint + ". Its output (" + logFile + "):\n" + output);
            if (!output.contains("EADDRINUSE")) {
                throw lastFailure;
            }
            LOG.info("{}: port {} was taken meanwhile, trying another", name, port);
        }
        throw lastFailure;
    }

    /** True once the emulator answers; false when it died or did not answer within {@link #START_TIMEOUT}. */
    private static boolean awaitReady(Process process, URI endpoint, Predicate<URI> ready) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            if (ready.test(endpoint)) {
                return true;
            }
            sleep(20);
        }
        return false;
    }

    private static Path script(Path emulatorsDir, String relative) {
        Path script = emulatorsDir.resolve("node_modules").resolve(relative).toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " is missing: run bash " + emulatorsDir.resolve("install.sh")
                    + " (mvn does it in the local-aws module's generate-resources phase)");
        }
        return script;
    }

    static Path defaultLogDir(Path emulatorsDir) {
        return emulatorsDir.resolve("target").resolve("logs");
    }

    /** A loopback port that was free a moment ago (the emulators cannot pick one themselves and report it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    static boolean acceptsConnections(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Any HTTP answer at all (s3rver answers an unsigned request with an S3 error document). */
    static boolean answersHttp(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers200(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static long appendHeader(Path logFile, String name, List<String> commandLine) {
        try {
            long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + ": "
                            + String.join(" ", commandLine) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return offset;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the emulator log " + logFile, e);
        }
    }

    /** The log from {@code offset} on, at most its last 8 KB. */
    private static String readFrom(Path logFile, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(offset, file.length() - 8192);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    // ------------------------------------------------------------------ shutdown

    private void destroyTree() {
        destroyTree(process);
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                if (descendant.isAlive()) {
                    descendant.destroyForcibly();
                }
                descendant.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            LOG.warn("Could not confirm that the children of pid {} stopped: {}", process.pid(), e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an emulator to start", e);
        }
    }
}

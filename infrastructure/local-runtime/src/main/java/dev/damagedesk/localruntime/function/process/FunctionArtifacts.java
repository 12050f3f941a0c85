package dev.damagedesk.localruntime.function.process;

import dev.damagedesk.localaws.template.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each function's deployment artifact is, found the way {@code sam build} finds it: every function has
 * {@code Metadata: BuildMethod: makefile} and {@code CodeUri: .}, so SAM runs the repository's {@code Makefile}
 * target {@code build-<LogicalId>}, which builds {@code functions/<module>} and ships
 * {@code functions/<module>/target/<module>-<version>-lambda.jar}. The runtime interface client that the managed Java
 * runtime adds on AWS is in {@code infrastructure/local-runtime/target/lambda-runtime/} (copied by that module's
 * build).
 */
public final class FunctionArtifacts {

    /** Relative to the repository root: the runtime interface client and its dependencies, one jar each. */
    public static final String RUNTIME_DIRECTORY = "infrastructure/local-runtime/target/lambda-runtime";

    private static final Pattern BUILD_TARGET =
            Pattern.compile("^build-([A-Za-z0-9]+):\\s*\\R\\t\\$\\(call build_function,([A-Za-z0-9_-]+)\\)", Pattern.MULTILINE);

    private final Path repositoryRoot;
    private final Map<String, String> moduleByFunction;

    private FunctionArtifacts(Path repositoryRoot, Map<String, String> moduleByFunction) {
        this.repositoryRoot = repositoryRoot;
        this.moduleByFunction = moduleByFunction;
    }

    /** Reads the repository's {@code Makefile}. */
    public static FunctionArtifacts of(Path repositoryRoot) {
        Path makefile = repositoryRoot.resolve("Makefile");
        String text;
        try {
            text = Files.readString(makefile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + makefile + " (sam build's build targets)", e);
        }
        Map<String, String> modules = new LinkedHashMap<>();
        Matcher target = BUILD_TARGET.matcher(text);
        while (target.find()) {
            modules.put(target.group(1), target.group(2));
        }
        return new FunctionArtifacts(repositoryRoot, modules);
    }

    /** The module under {@code functions/} whose artifact the function is deployed from. */
    public String moduleOf(String logicalId) {
        String module = moduleByFunction.get(logicalId);
        if (module == null) {
            throw new IllegalStateException(logicalId + ": the Makefile has no build-" + logicalId
                    + " target ($(call build_function,<module>)), so neither sam build nor the local runtime knows its artifact");
        }
        return module;
    }

    /**
     * The function's shaded jar.
     *
     * @throws IllegalStateException when it is missing (not built) or ambiguous
     */
    public Path artifactOf(String logicalId) {
        String module = moduleOf(logicalId);
        Path target = repositoryRoot.resolve("functions").resolve(module).resolve("target");
        List<Path> jars = jars(target, module + "-*-lambda.jar");
        if (jars.isEmpty()) {
            throw new IllegalStateException(logicalId + ": its deployment artifact functions/" + module + "/target/" + module
                    + "-<version>-lambda.jar is missing. Build it first: mvn -DskipTests package (./run-local does)");
        }
        if (jars.size() > 1) {
            throw new IllegalStateException(logicalId + ": several artifacts in functions/" + module + "/target " + jars
                    + ": remove the stale ones (mvn clean package)");
        }
        return jars.get(0);
    }

    /** The runtime interface client's jars. */
    public List<Path> runtimeInterfaceClient() {
        Path directory = repositoryRoot.resolve(RUNTIME_DIRECTORY);
        List<Path> jars = jars(directory, "*.jar");
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client-"))) {
            throw new IllegalStateException("The Lambda runtime interface client is missing from " + directory
                    + ". Build the local runtime first: mvn -DskipTests package (./run-local does)");
        }
        return jars;
    }

    /**
     * How one of the template's functions is launched.
     *
     * @param properties  the function's {@code Properties} with {@code Globals.Function} merged in (for
     *                    {@code LoggingConfig})
     * @param environment its resolved variables with the emulators' endpoints
     * @param scratch     a folder for the function's task roots
     */
    public InstanceLaunch launch(FunctionSpec spec, Map<String, Object> properties, Map<String, String> environment,
                                 Path scratch) {
        Map<?, ?> logging = properties.get("LoggingConfig") instanceof Map<?, ?> map ? map : Map.of();
        String format = String.valueOf(logging.get("LogFormat") == null ? "Text" : logging.get("LogFormat"));
        if (!format.equals("Text") && !format.equals("JSON")) {
            throw new IllegalArgumentException(spec.logicalId() + ": LoggingConfig.LogFormat must be Text or JSON, was " + format);
        }
        String level = logging.get("ApplicationLogLevel") == null ? "" : String.valueOf(logging.get("ApplicationLogLevel"));
        return new InstanceLaunch(spec.logicalId(), List.of(artifactOf(spec.logicalId())), runtimeInterfaceClient(),
                spec.handler(), environment, spec.memoryMb(), Duration.ofSeconds(spec.timeoutSeconds()), format, level,
                scratch.resolve(spec.logicalId()));
    }

    private static List<Path> jars(Path directory, String glob) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, glob)) {
            found.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jars.sort(null);
        return jars;
    }
}

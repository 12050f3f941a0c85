package dev.damagedesk.localruntime.function.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one execution environment of a function is started from: the function's deployment artifact (its class
 * path), the runtime interface client that the managed Java runtime adds on AWS, the handler, the environment
 * variables the template gives it (without Lambda's reserved ones, which {@link FunctionInstance} adds per
 * instance), its memory size and its timeout.
 *
 * @param functionName the logical id (the log prefix and {@code AWS_LAMBDA_FUNCTION_NAME})
 * @param artifact     the function's own class path entries: its shaded jar
 * @param runtime      the runtime interface client and its dependencies (provided by the managed runtime on AWS)
 * @param handler      {@code Handler}, e.g. {@code pkg.Class::handleRequest}
 * @param environment  the resolved template variables plus the local emulators' endpoints and dummy credentials
 * @param memoryMb     {@code MemorySize}
 * @param timeout      {@code Timeout}
 * @param logFormat    {@code LoggingConfig.LogFormat} ({@code Text} or {@code JSON})
 * @param logLevel     {@code LoggingConfig.ApplicationLogLevel}, empty for none
 * @param taskRoot     {@code LAMBDA_TASK_ROOT} and the working directory (on Lambda {@code /var/task})
 */
public record InstanceLaunch(
        String functionName,
        List<Path> artifact,
        List<Path> runtime,
        String handler,
        Map<String, String> environment,
        int memoryMb,
        Duration timeout,
        String logFormat,
        String logLevel,
        Path taskRoot) {

    public InstanceLaunch {
        artifact = List.copyOf(artifact);
        runtime = List.copyOf(runtime);
        environment = Map.copyOf(environment);
        if (memoryMb < 128) {
            throw new IllegalArgumentException(functionName + ": MemorySize must be at least 128 MB, was " + memoryMb);
        }
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException(functionName + ": Timeout must be at least 1 second");
        }
    }
}

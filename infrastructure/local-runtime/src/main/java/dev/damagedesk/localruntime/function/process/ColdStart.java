package dev.damagedesk.localruntime.function.process;

import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One cold start, measured: starts ONE fresh execution environment (its own JVM, exactly as the local runtime starts
 * them, see {@link ProcessFunction}), invokes it once with an event, stops it and returns the response with its
 * timings. For cold-start benchmarks:
 *
 * <pre>{@code
 * FunctionArtifacts artifacts = FunctionArtifacts.of(repositoryRoot);
 * InstanceLaunch launch = artifacts.launch(template.function("IntakeFunction"),
 *         template.functionProperties("IntakeFunction"), cloud.functionEnvironment("IntakeFunction"), scratchDir);
 * ColdStart.Result result = ColdStart.run(launch, eventJson, false);
 * result.processStartToFirstResponse(); // what a caller waits on a cold start
 * }</pre>
 *
 * or, for any jar, {@code new InstanceLaunch(name, List.of(jar), artifacts.runtimeInterfaceClient(), "pkg.Handler::handleRequest",
 * environment, memoryMb, timeout, "Text", "", scratchDir)}. The environment must hold what the function needs
 * (for the template's functions, {@code LocalCloud.functionEnvironment} gives the emulators' endpoints).
 */
public final class ColdStart {

    /**
     * @param response                    the handler's response as JSON
     * @param processStartToFirstResponse from starting the process to receiving the response (init + invoke + the
     *                                    hand-overs in between)
     * @param initDuration                from starting the process to the runtime's first {@code next} call (Lambda's
     *                                    Init Duration)
     * @param invokeDuration              from handing over the event to receiving the response (Lambda's Duration)
     * @param logLines                    what the instance and the platform logged, in order
     */
    public record Result(String response, Duration processStartToFirstResponse, Duration initDuration,
                         Duration invokeDuration, List<String> logLines) {
    }

    private ColdStart() {
    }

    /**
     * @param echo whether the instance's log lines also go to standard output
     * @throws FunctionInvocationException when the init phase or the invocation fails
     */
    public static Result run(InstanceLaunch launch, String event, boolean echo) throws FunctionInvocationException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        FunctionLogLines collect = (function, line) -> lines.add(line);
        FunctionInstance instance = FunctionInstance.start(launch, new FunctionOutput(launch.functionName(), List.of(collect), echo));
        try {
            long invoked = System.nanoTime();
            String response = instance.invoke(event);
            long answered = System.nanoTime();
            return new Result(response, Duration.ofNanos(answered - instance.startedNanos()), instance.initDuration(),
                    Duration.ofNanos(answered - invoked), List.copyOf(lines));
        } finally {
            instance.destroy();
        }
    }

    /** The launch of a function of the template, from its built artifact. */
    public static InstanceLaunch launchOf(Path repositoryRoot, SamTemplate template, String logicalId,
                                          Map<String, String> environment, Path scratch) {
        FunctionSpec spec = template.function(logicalId);
        return FunctionArtifacts.of(repositoryRoot).launch(spec, template.functionProperties(logicalId), environment, scratch);
    }
}

package dev.damagedesk.localruntime.function.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.fixtures.lambda.BehavingHandler;
import dev.damagedesk.localruntime.fixtures.lambda.ExitingInitHandler;
import dev.damagedesk.localruntime.fixtures.lambda.FailingInitHandler;
import dev.damagedesk.localruntime.fixtures.lambda.SlowInitHandler;
import dev.damagedesk.localruntime.fixtures.lambda.TestFunctionJar;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.FunctionInvocationException.Kind;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions as real processes: the test function jar run by the Lambda runtime interface client against the local
 * Runtime API, one JVM per instance.
 */
class ProcessFunctionTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path scratch;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final FunctionLogLines listener = (function, line) -> lines.add(function + " " + line);
    private ProcessFunction function;

    @AfterEach
    void stop() {
        if (function != null) {
            function.close();
        }
    }

    @Test
    void anInstanceIsItsOwnProcessWithTheFunctionsEnvironmentAsItsRealEnvironmentAndIsReusedWhileWarm() throws Exception {
        function = function("EchoFunction", BehavingHandler.class, 10, Map.of("GREETING", "hello from the template"), 1);

        Map<String, Object> first = invoke(Map.of("action", "echo", "env", List.of("GREETING", "AWS_LAMBDA_FUNCTION_NAME",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "_HANDLER", "TZ", "AWS_LAMBDA_RUNTIME_API", "HOME", "AWS_LAMBDA_LOG_FORMAT")));
        Map<String, Object> second = invoke(Map.of("action", "echo"));

        assertThat(((Number) first.get("pid")).longValue()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(second.get("pid")).isEqualTo(first.get("pid"));
        assertThat(function.coldStarts()).isEqualTo(1);
        @SuppressWarnings("unchecked") Map<String, Object> environment = (Map<String, Object>) first.get("env");
        @SuppressWarnings("unchecked") Map<String, Object> properties = (Map<String, Object>) first.get("properties");
        assertThat(environment).containsEntry("GREETING", "hello from the template")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "EchoFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
                .containsEntry("_HANDLER", BehavingHandler.class.getName() + "::handleRequest")
                .containsEntry("TZ", ":UTC")
                .containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON")
                .doesNotContainKey("HOME"); // unset (the answer leaves nulls out): nothing of the test JVM's environment leaks in
        assertThat(System.getenv("HOME")).isNotNull();
        assertThat((String) environment.get("AWS_LAMBDA_RUNTIME_API")).startsWith("127.0.0.1:");
        assertThat(properties).doesNotContainKey("GREETING"); // no system property: the environment is the real one
        assertThat(first.get("memoryLimitInMb")).isEqualTo(256);
        assertThat(((Number) first.get("maxHeapMb")).intValue()).isBetween(150, 256 * FunctionInstance.HEAP_PERCENT_OF_MEMORY / 100);
        assertThat(lines).anyMatch(line -> line.equals("EchoFunction handling echo"));
        List<String> reports = lines.stream().filter(line -> line.startsWith("EchoFunction REPORT RequestId: ")).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).contains("\tDuration: ", "\tBilled Duration: ", "\tMemory Size: 256 MB", "\tMax Memory Used: ", "\tInit Duration: ");
        assertThat(reports.get(1)).doesNotContain("Init Duration");
    }

    @Test
    void anInvocationPastTheTimeoutKillsTheProcessAndTheNextInvocationIsAColdStart() throws Exception {
        function = function("SlowFunction", BehavingHandler.class, 2, Map.of(), 1);
        long firstPid = pidOf(invoke(Map.of("action", "echo")));

        assertThatThrownBy(() -> invoke(Map.of("action", "sleep", "millis", 30_000)))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageContaining("Task timed out after 2 seconds");

        await("the timed-out process to be gone", () -> ProcessHandle.of(firstPid).map(p -> !p.isAlive()).orElse(true));
        assertThat(pidOf(invoke(Map.of("action", "echo")))).isNotEqualTo(firstPid);
        assertThat(function.coldStarts()).isEqualTo(2);
        assertThat(lines).anyMatch(line -> line.contains("Status: timeout"))
                .anyMatch(line -> line.matches("SlowFunction \\S+ \\S+ Task timed out after 2\\.00 seconds"));
        assertThat(lines.stream().filter(line -> line.contains("REPORT") && line.contains("Init Duration"))).hasSize(2);
    }

    @Test
    void aProcessThatExitsMidInvocationFailsItWithRuntimeExitErrorAndIsReplaced() throws Exception {
        function = function("CrashingFunction", BehavingHandler.class, 10, Map.of(), 1);
        long firstPid = pidOf(invoke(Map.of("action", "echo")));

        assertThatThrownBy(() -> invoke(Map.of("action", "exit")))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.RUNTIME_EXIT))
                .hasMessageContaining("Runtime.ExitError")
                .hasMessageContaining("Runtime exited with error: exit status 3");

        assertThat(pidOf(invoke(Map.of("action", "echo")))).isNotEqualTo(firstPid);
        assertThat(function.coldStarts()).isEqualTo(2);
    }

    @Test
    void anOutOfMemoryErrorFailsTheInvocationAsLambdaReportsItAndTheNextOneGetsAFreshInstance() throws Exception {
        function = function("GreedyFunction", BehavingHandler.class, 30, Map.of(), 1);
        long firstPid = pidOf(invoke(Map.of("action", "echo")));

        assertThatThrownBy(() -> invoke(Map.of("action", "oom")))
                .isInstanceOf(FunctionInvocationException.class)
                .hasMessageContaining("java.lang.OutOfMemoryError");

        assertThat(pidOf(invoke(Map.of("action", "echo")))).isNotEqualTo(firstPid);
        assertThat(function.coldStarts()).isEqualTo(2);
    }

    @Test
    void aHandlerThatCannotBeConstructedIsAnInitErrorAndTheProcessIsGone() {
        function = function("BrokenFunction", FailingInitHandler.class, 10, Map.of(), 1);

        assertThatThrownBy(() -> function.invoke("{}"))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.INIT_ERROR));

        assertThat(lines).anyMatch(line -> line.startsWith("BrokenFunction INIT_REPORT Init Duration: ") && line.contains("Status: error"))
                .anyMatch(line -> line.contains("init failed on purpose"));
        assertThat(function.instancePids()).isEmpty();
    }

    @Test
    void aProcessThatExitsDuringInitIsAnInitErrorWithRuntimeExitError() {
        function = function("ExitingFunction", ExitingInitHandler.class, 10, Map.of(), 1);

        assertThatThrownBy(() -> function.invoke("{}"))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.INIT_ERROR))
                .hasMessageContaining("Runtime exited with error: exit status 7");
        assertThat(lines).anyMatch(line -> line.startsWith("ExitingFunction INIT_REPORT ") && line.endsWith("Error Type: Runtime.ExitError"));
    }

    @Test
    void anInitPhasePastTheInitLimitIsKilledAndFailsTheInvocation() {
        FunctionOutput output = new FunctionOutput("SlowInitFunction", List.of(listener), false);
        InstanceLaunch launch = launch("SlowInitFunction", SlowInitHandler.class, 10, Map.of());

        assertThatThrownBy(() -> FunctionInstance.start(launch, output, Duration.ofSeconds(2)))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.INIT_ERROR))
                .hasMessageContaining("Init timed out after 2 seconds");
        assertThat(lines).anyMatch(line -> line.startsWith("SlowInitFunction INIT_REPORT ") && line.endsWith("Error Type: Sandbox.Timedout"));
    }

    @Test
    void aHandlerErrorIsReportedAndTheInstanceStaysWarm() throws Exception {
        function = function("ThrowingFunction", BehavingHandler.class, 10, Map.of(), 1);
        long firstPid = pidOf(invoke(Map.of("action", "echo")));

        assertThatThrownBy(() -> invoke(Map.of("action", "throw")))
                .isInstanceOf(FunctionInvocationException.class)
                .satisfies(e -> assertThat(((FunctionInvocationException) e).kind()).isEqualTo(Kind.HANDLER_ERROR))
                .hasMessageContaining("java.lang.IllegalStateException: failed on purpose");

        assertThat(pidOf(invoke(Map.of("action", "echo")))).isEqualTo(firstPid);
        assertThat(function.coldStarts()).isEqualTo(1);
    }

    @Test
    void theSingleInstanceLauncherReportsTheColdStartsTimings() throws Exception {
        ColdStart.Result result = ColdStart.run(launch("BenchFunction", BehavingHandler.class, 10, Map.of()),
                JSON.std.asString(Map.of("action", "echo")), false);

        assertThat(JSON.std.mapFrom(result.response())).containsKey("pid");
        assertThat(result.initDuration()).isPositive();
        assertThat(result.invokeDuration()).isPositive();
        assertThat(result.processStartToFirstResponse()).isGreaterThan(result.initDuration().plus(result.invokeDuration()).minusMillis(1));
        assertThat(result.logLines()).anyMatch(line -> line.startsWith("REPORT RequestId: ") && line.contains("Init Duration"));
    }

    static InstanceLaunch launch(String name, Class<?> handler, int timeoutSeconds, Map<String, String> environment, Path scratch) {
        return new InstanceLaunch(name, List.of(TestFunctionJar.get()),
                FunctionArtifacts.of(RepositoryRoot.find()).runtimeInterfaceClient(), handler.getName() + "::handleRequest",
                environment, 256, Duration.ofSeconds(timeoutSeconds), "JSON", "INFO", scratch.resolve(name));
    }

    private InstanceLaunch launch(String name, Class<?> handler, int timeoutSeconds, Map<String, String> environment) {
        return launch(name, handler, timeoutSeconds, environment, scratch);
    }

    private ProcessFunction function(String name, Class<?> handler, int timeoutSeconds, Map<String, String> environment,
                                     int concurrency) {
        return new ProcessFunction(launch(name, handler, timeoutSeconds, environment), concurrency, List.of(listener));
    }

    private Map<String, Object> invoke(Map<String, Object> event) throws FunctionInvocationException, IOException {
        return JSON.std.mapFrom(function.invoke(JSON.std.asString(event)));
    }

    private static long pidOf(Map<String, Object> answer) {
        return ((Number) answer.get("pid")).longValue();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + " after " + LIMIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}

package dev.damagedesk.localruntime.function;

import java.time.Duration;

/**
 * A function of the template as its event sources see it: the HTTP API gateway, the SQS pollers and the schedules
 * invoke it synchronously and know nothing of how it runs. {@link LocalFunction} hosts the handler in this JVM (fast,
 * for tests); {@link dev.damagedesk.localruntime.function.process.ProcessFunction} runs each instance as its own JVM
 * from the function's deployment artifact, behind a Lambda Runtime API, as Lambda does.
 */
public interface LambdaFunction extends AutoCloseable {

    /** Lambda's limit for a synchronous invocation's request and response payloads: 6 MB. */
    int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    /** Lambda's limit for a function's initialisation (on-demand functions). */
    Duration INIT_TIMEOUT = Duration.ofSeconds(10);

    /** The function's logical id. */
    String name();

    /** The template's {@code Timeout}. */
    Duration timeout();

    /** How many instances (containers) have been started so far: one cold start each. */
    int coldStarts();

    /**
     * Invokes the function synchronously (Lambda's {@code RequestResponse} invocation type).
     *
     * @param event the event as JSON
     * @return the handler's response as JSON ({@code null} or {@code "null"} when it returned null)
     */
    String invoke(String event) throws FunctionInvocationException;

    /** Stops every instance; invocations in flight may fail. */
    @Override
    void close();
}

package dev.damagedesk.localruntime.function.process;

import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import dev.damagedesk.localruntime.function.InstancePool;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function of the template run as Lambda runs it: every execution environment is its own JVM started from the
 * function's deployment artifact behind its own Lambda Runtime API ({@link FunctionInstance}), at most
 * {@code maxConcurrency} of them, each started on the first invocation that finds none idle (a cold start; nothing is
 * started ahead) and reused while warm. An environment that timed out or exited is replaced.
 */
public final class ProcessFunction implements LambdaFunction {

    private final InstanceLaunch launch;
    private final FunctionOutput output;
    private final InstancePool<FunctionInstance> pool;
    private final Set<FunctionInstance> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param listeners every line of every instance goes to each of them (read live: listeners added later count)
     */
    public ProcessFunction(InstanceLaunch launch, int maxConcurrency, List<FunctionLogLines> listeners) {
        this.launch = launch;
        this.output = new FunctionOutput(launch.functionName(), listeners);
        this.pool = new InstancePool<>(launch.functionName(), maxConcurrency, launch.timeout(), number -> start());
    }

    @Override
    public String name() {
        return launch.functionName();
    }

    @Override
    public Duration timeout() {
        return launch.timeout();
    }

    @Override
    public int coldStarts() {
        return pool.coldStarts();
    }

    /** The process ids of the instances alive now (for tests that kill one, as a crash would). */
    public List<Long> instancePids() {
        return live.stream().filter(FunctionInstance::alive).map(FunctionInstance::pid).toList();
    }

    @Override
    public String invoke(String event) throws FunctionInvocationException {
        if (closed) {
            throw new IllegalStateException(name() + " is stopped");
        }
        if (event.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new FunctionInvocationException(name(), FunctionInvocationException.Kind.PAYLOAD_TOO_LARGE,
                    "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation", null);
        }
        live.removeIf(instance -> !instance.alive());
        return pool.invoke(instance -> instance.invoke(event));
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
        live.forEach(FunctionInstance::destroy); // busy ones too: Lambda does not wait for them either
        live.clear();
    }

    private FunctionInstance start() throws FunctionInvocationException {
        FunctionInstance instance = FunctionInstance.start(launch, output);
        live.add(instance);
        if (closed) {
            instance.destroy();
            throw new IllegalStateException(name() + " is stopped");
        }
        return instance;
    }
}

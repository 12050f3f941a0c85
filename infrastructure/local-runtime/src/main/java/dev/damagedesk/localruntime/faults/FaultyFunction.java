package dev.damagedesk.localruntime.faults;

import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.time.Duration;
import java.util.Optional;

/**
 * A function whose invocations fail as {@link FaultInjection} decides, whoever invokes it (the gateway, a poller, a
 * schedule): they see the failure as they see a real one.
 */
public final class FaultyFunction implements LambdaFunction {

    private final LambdaFunction function;
    private final FaultInjection faults;

    public FaultyFunction(LambdaFunction function, FaultInjection faults) {
        this.function = function;
        this.faults = faults;
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public Duration timeout() {
        return function.timeout();
    }

    @Override
    public int coldStarts() {
        return function.coldStarts();
    }

    /** The function this one wraps (what the runtime reports about instances and processes). */
    public LambdaFunction wrapped() {
        return function;
    }

    @Override
    public String invoke(String event) throws FunctionInvocationException {
        Optional<FaultInjection.FunctionFailure> failure = faults.functionFailure(name());
        if (failure.isPresent() && failure.get() == FaultInjection.FunctionFailure.THROW) {
            throw new FunctionInvocationException(name(), FunctionInvocationException.Kind.HANDLER_ERROR,
                    "injected fault: the invocation failed before the handler ran", null);
        }
        String response = function.invoke(event);
        if (failure.isPresent()) {
            throw new FunctionInvocationException(name(), FunctionInvocationException.Kind.TIMEOUT,
                    "injected fault: Task timed out after the handler had run (its answer is lost)", null);
        }
        return response;
    }

    @Override
    public void close() {
        function.close();
    }
}

package dev.damagedesk.localruntime.function;

/**
 * An invocation that did not produce a response, as Lambda reports it to the caller: the caller (the gateway, a
 * poller) sees the kind and a one-line message, never the handler's stack trace (that goes to the function's log).
 */
public final class FunctionInvocationException extends Exception {

    /** Why the invocation failed; the names follow the error types Lambda reports. */
    public enum Kind {
        /** The handler threw ({@code Unhandled}). */
        HANDLER_ERROR,
        /** The handler ran past the function's timeout ({@code Sandbox.Timedout}). */
        TIMEOUT,
        /** The handler could not be loaded or constructed ({@code Runtime.ExceptionInInitializerError}). */
        INIT_ERROR,
        /** The event could not be turned into the handler's input type, or its output into JSON. */
        SERIALIZATION_ERROR,
        /** The event or the response exceeds Lambda's 6 MB synchronous payload limit. */
        PAYLOAD_TOO_LARGE,
        /** The runtime's process exited during the invocation, e.g. killed or crashed ({@code Runtime.ExitError}). */
        RUNTIME_EXIT,
        /** Every container of the function stayed busy until the function's timeout ({@code TooManyRequestsException}). */
        THROTTLED
    }

    private final Kind kind;
    private final String functionName;

    public FunctionInvocationException(String functionName, Kind kind, String message, Throwable cause) {
        super(functionName + ": " + message, cause);
        this.functionName = functionName;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String functionName() {
        return functionName;
    }
}

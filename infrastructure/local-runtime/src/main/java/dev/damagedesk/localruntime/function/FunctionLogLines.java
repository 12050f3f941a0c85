package dev.damagedesk.localruntime.function;

/**
 * Where the lines a function writes to standard output go, besides the runtime's own log: what CloudWatch Logs
 * receives on AWS (log events, Embedded Metric Format documents, the platform's {@code REPORT} lines). The runtime
 * gives every line of every function instance to each listener, in the order that instance wrote them.
 */
@FunctionalInterface
public interface FunctionLogLines {

    /** One line as the function wrote it, without its line break; must not block (it is called on the reader thread). */
    void line(String functionName, String line);
}

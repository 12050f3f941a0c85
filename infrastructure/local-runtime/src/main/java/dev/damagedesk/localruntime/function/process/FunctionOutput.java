package dev.damagedesk.localruntime.function.process;

import dev.damagedesk.localaws.lambda.FunctionLogger;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one function's log lines go: the runtime's output with the function's name in front ({@link FunctionLogger})
 * and every registered {@link FunctionLogLines} listener, what CloudWatch Logs would receive on AWS (the instance's
 * stdout and stderr lines and the platform's START/END/REPORT lines).
 */
final class FunctionOutput {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionOutput.class);

    private final String functionName;
    private final FunctionLogger log;
    private final List<FunctionLogLines> listeners;

    /** @param listeners read at every line: a live list (e.g. a CopyOnWriteArrayList) sees listeners added later */
    FunctionOutput(String functionName, List<FunctionLogLines> listeners) {
        this(functionName, listeners, true);
    }

    /** @param echo whether the lines also go to this JVM's standard output (with the function's name in front) */
    FunctionOutput(String functionName, List<FunctionLogLines> listeners, boolean echo) {
        this.functionName = functionName;
        this.log = echo ? new FunctionLogger(functionName) : null;
        this.listeners = listeners;
    }

    String functionName() {
        return functionName;
    }

    void line(String line) {
        if (log != null) {
            log.log(line);
        }
        for (FunctionLogLines listener : listeners) {
            try {
                listener.line(functionName, line);
            } catch (RuntimeException e) {
                LOG.warn("{}: a log line listener failed: {}", functionName, e.toString());
            }
        }
    }
}

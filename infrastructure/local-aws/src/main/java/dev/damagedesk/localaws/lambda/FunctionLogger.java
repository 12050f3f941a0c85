package dev.damagedesk.localaws.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A function's log: what CloudWatch Logs would show for it, on standard output with the function's logical id in
 * front of every line, {@code [ProcessorFunction] message}, so that several functions in one terminal stay apart.
 */
public final class FunctionLogger implements LambdaLogger {

    private final String prefix;
    private final PrintStream out;

    public FunctionLogger(String functionName) {
        this(functionName, System.out);
    }

    public FunctionLogger(String functionName, PrintStream out) {
        this.prefix = "[" + functionName + "] ";
        this.out = out;
    }

    @Override
    public void log(String message) {
        String text = message == null ? "null" : message;
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        StringBuilder lines = new StringBuilder(text.length() + prefix.length() + 1);
        for (String line : text.split("\n", -1)) {
            lines.append(prefix).append(line).append('\n');
        }
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        log(level == null || level == LogLevel.UNDEFINED ? message : level + " " + message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }
}

package dev.damagedesk.localaws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@link Context} a locally invoked handler receives: a fresh request id, the function's name, memory and
 * a deadline from its timeout, and a logger that prefixes each line with the function's name.
 */
public final class LocalLambdaContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final int memoryMb;
    private final Instant deadline;
    private final LambdaLogger logger;

    public LocalLambdaContext(String functionName, int memoryMb, Duration timeout, PrintStream out) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.deadline = Instant.now().plus(timeout);
        this.logger = new PrefixingLogger("[" + functionName + "] ", out);
    }

    /** For handler tests: a 30 s, 1024 MB function logging to standard output. */
    public static LocalLambdaContext forTest(String functionName) {
        return new LocalLambdaContext(functionName, 1024, Duration.ofSeconds(30), System.out);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record PrefixingLogger(String prefix, PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            out.println(prefix + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(level + " " + message);
        }
    }
}

package dev.damagedesk.localaws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@link Context} of one invocation: a fresh request id, the function's name (its logical id), memory and ARN,
 * and the time left until the function's timeout.
 */
public final class LocalContext implements Context {

    private final String awsRequestId;
    private final String functionName;
    private final String functionArn;
    private final String logStreamName;
    private final int memoryLimitInMb;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    public LocalContext(String awsRequestId, String functionName, String functionArn, String logStreamName,
                 int memoryLimitInMb, long deadlineNanos, LambdaLogger logger) {
        this.awsRequestId = awsRequestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.logStreamName = logStreamName;
        this.memoryLimitInMb = memoryLimitInMb;
        this.deadlineNanos = deadlineNanos;
        this.logger = logger;
    }

    /** For handler tests: a 30 s, 1024 MB function with a fresh request id, logging to standard output. */
    public static LocalContext forTest(String functionName) {
        return new LocalContext(java.util.UUID.randomUUID().toString(), functionName,
                "arn:aws:lambda:us-east-1:000000000000:function:" + functionName, "local/" + functionName,
                1024, System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos(), new FunctionLogger(functionName));
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
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
        return functionArn;
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
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(0L, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}

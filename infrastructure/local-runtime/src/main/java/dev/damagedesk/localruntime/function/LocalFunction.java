package dev.damagedesk.localruntime.function;

import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.lambda.FunctionLogger;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.LocalResourceNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the template hosted in this JVM ({@code --functions in-process}; {@link
 * dev.damagedesk.localruntime.function.process.ProcessFunction} runs each instance as its own process instead), run
 * the way Lambda runs it: a pool of containers ({@link InstancePool}), each holding one handler instance
 * built with its public no-arg constructor on first use (a cold start, logged with its duration) and reused while
 * warm; at most {@code maxConcurrency} invocations at once; each invocation gets a JSON event, turned into the
 * handler's input type and its result back into JSON by the serializers of Lambda's Java runtime, and fails like a
 * Lambda timeout when it runs past the template's {@code Timeout}.
 *
 * <p>A container is one dedicated thread, so thread-confined state in a handler behaves as in Lambda. A container whose
 * invocation timed out is thrown away (Lambda restarts the runtime): the next invocation on it is a cold start. Locally
 * the JVM cannot kill the timed-out thread; it is interrupted and left to finish on its own.
 */
public final class LocalFunction implements LambdaFunction {

    private final String name;
    private final Duration timeout;
    private final int memoryMb;
    private final int maxConcurrency;
    private final String functionArn;
    private final ClassLoader classLoader;
    private final Constructor<?> constructor;
    private final boolean streamHandler;
    private final PojoSerializer<Object> inputSerializer;
    private final PojoSerializer<Object> outputSerializer;
    private final FunctionLogger logger;
    private final InstancePool<Container> pool;
    private volatile boolean closed;

    /** A function whose handler class is loaded from the context class loader of the calling thread. */
    public LocalFunction(FunctionSpec spec, int maxConcurrency) {
        this(spec, maxConcurrency, contextClassLoader());
    }

    /**
     * @throws IllegalArgumentException when the handler class is missing, is no {@link RequestHandler} or
     *                                  {@link RequestStreamHandler}, names another method than {@code handleRequest}
     *                                  or has no public no-arg constructor
     */
    public LocalFunction(FunctionSpec spec, int maxConcurrency, ClassLoader classLoader) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        if (spec.timeoutSeconds() < 1) {
            throw new IllegalArgumentException(spec.logicalId() + ": Timeout must be at least 1 second");
        }
        this.name = spec.logicalId();
        this.timeout = Duration.ofSeconds(spec.timeoutSeconds());
        this.memoryMb = spec.memoryMb();
        this.maxConcurrency = maxConcurrency;
        this.functionArn = "arn:aws:lambda:" + LocalResourceNames.LOCAL_REGION + ":" + LocalResourceNames.LOCAL_ACCOUNT_ID
                + ":function:" + name;
        this.classLoader = classLoader;
        this.logger = new FunctionLogger(name);
        this.pool = new InstancePool<>(name, maxConcurrency, timeout, this::coldStart);

        Class<?> handlerClass = loadHandlerClass(spec, classLoader);
        this.constructor = publicNoArgConstructor(spec, handlerClass);
        if (!"handleRequest".equals(spec.handlerMethod())) {
            throw new IllegalArgumentException(name + ": Handler " + spec.handler() + " names method '" + spec.handlerMethod()
                    + "'; the local runtime runs RequestHandler and RequestStreamHandler implementations (method handleRequest)");
        }
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            this.streamHandler = true;
            this.inputSerializer = null;
            this.outputSerializer = null;
        } else if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            this.streamHandler = false;
            HandlerTypes types = HandlerTypes.of(handlerClass);
            this.inputSerializer = RuntimeSerializers.forType(types.input(), classLoader);
            this.outputSerializer = RuntimeSerializers.forType(types.output(), classLoader);
        } else {
            throw new IllegalArgumentException(name + ": " + handlerClass.getName() + " implements neither "
                    + RequestHandler.class.getName() + " nor " + RequestStreamHandler.class.getName());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public int coldStarts() {
        return pool.coldStarts();
    }

    /** The function's log (what its handler's {@code context.getLogger()} writes to). */
    public FunctionLogger logger() {
        return logger;
    }

    @Override
    public String invoke(String event) throws FunctionInvocationException {
        if (closed) {
            throw new IllegalStateException(name + " is stopped");
        }
        byte[] payload = event.getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new FunctionInvocationException(name, FunctionInvocationException.Kind.PAYLOAD_TOO_LARGE,
                    "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation", null);
        }
        return pool.invoke(container -> container.invoke(event, payload));
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private Container coldStart(int number) throws FunctionInvocationException {
        Container container = new Container(number);
        try {
            container.init();
            return container;
        } catch (FunctionInvocationException e) {
            container.destroy();
            throw e;
        }
    }

    private static Class<?> loadHandlerClass(FunctionSpec spec, ClassLoader classLoader) {
        try {
            return Class.forName(spec.handlerClass(), false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(spec.logicalId() + ": handler class " + spec.handlerClass()
                    + " is not on the class path (build the function modules first: mvn package)", e);
        }
    }

    private static Constructor<?> publicNoArgConstructor(FunctionSpec spec, Class<?> handlerClass) {
        if (Modifier.isAbstract(handlerClass.getModifiers()) || !Modifier.isPublic(handlerClass.getModifiers())) {
            throw new IllegalArgumentException(spec.logicalId() + ": handler class " + handlerClass.getName()
                    + " must be public and concrete");
        }
        try {
            return handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(spec.logicalId() + ": handler class " + handlerClass.getName()
                    + " has no public no-arg constructor, which Lambda needs to create it", e);
        }
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : LocalFunction.class.getClassLoader();
    }

    private void logFailure(String requestId, String summary, Throwable cause) {
        StringWriter trace = new StringWriter();
        if (cause != null) {
            cause.printStackTrace(new PrintWriter(trace));
        }
        logger.log("ERROR RequestId: " + requestId + " " + summary + (cause == null ? "" : "\n" + trace.toString().stripTrailing()));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000.0);
    }

    /** A failure inside the container thread, tagged with what it means for the caller. */
    private static final class Stage extends Exception {
        final FunctionInvocationException.Kind kind;

        Stage(FunctionInvocationException.Kind kind, Throwable cause) {
            super(cause);
            this.kind = kind;
        }
    }

    /** One Lambda execution environment: a thread and the handler instance created on it. */
    private final class Container implements InstancePool.Instance {
        private final int id;
        private final ExecutorService thread;
        private final String logStreamName;
        private Object handler;
        private long initNanos;
        private boolean firstInvocation = true;
        volatile boolean broken;

        Container(int id) {
            this.id = id;
            this.logStreamName = "local/[$LATEST]" + name + "-" + id;
            this.thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "lambda-" + name + "-" + id);
                t.setDaemon(true);
                t.setContextClassLoader(classLoader);
                return t;
            });
        }

        void init() throws FunctionInvocationException {
            long start = System.nanoTime();
            Future<Object> construction = thread.submit(() -> constructor.newInstance());
            try {
                handler = construction.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                construction.cancel(true);
                broken = true;
                logFailure("(init)", "Init timed out after " + INIT_TIMEOUT.toSeconds() + " seconds", null);
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.INIT_ERROR,
                        "init timed out after " + INIT_TIMEOUT.toSeconds() + " s", null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof InvocationTargetException target ? target.getCause() : e.getCause();
                broken = true;
                logFailure("(init)", "Runtime.ExceptionInInitializerError " + cause, cause);
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.INIT_ERROR,
                        "handler construction failed: " + cause.getClass().getName(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                broken = true;
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.INIT_ERROR, "interrupted during init", e);
            }
            initNanos = System.nanoTime() - start;
            logger.log("INIT container " + id + ": cold start, " + constructor.getDeclaringClass().getSimpleName()
                    + " constructed in " + millis(initNanos));
        }

        String invoke(String event, byte[] payload) throws FunctionInvocationException {
            String requestId = UUID.randomUUID().toString();
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            LocalContext context = new LocalContext(requestId, name, functionArn, logStreamName, memoryMb, deadline, logger);
            Future<String> invocation = thread.submit(invocationOf(event, payload, context));
            try {
                String response = invocation.get(Math.max(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (response != null && response.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                    logFailure(requestId, "Response payload size exceeded maximum allowed payload size (" + MAX_PAYLOAD_BYTES + " bytes)", null);
                    throw new FunctionInvocationException(name, FunctionInvocationException.Kind.PAYLOAD_TOO_LARGE,
                            "Response payload size exceeded maximum allowed payload size (" + MAX_PAYLOAD_BYTES + " bytes)", null);
                }
                return response;
            } catch (TimeoutException e) {
                invocation.cancel(true);
                broken = true;
                logger.log("ERROR RequestId: " + requestId + " Task timed out after "
                        + String.format(Locale.ROOT, "%.2f", (double) timeout.toMillis() / 1000) + " seconds");
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.TIMEOUT,
                        "Task timed out after " + timeout.toSeconds() + " seconds", null);
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                FunctionInvocationException.Kind kind = FunctionInvocationException.Kind.HANDLER_ERROR;
                if (failure instanceof Stage stage) {
                    kind = stage.kind;
                    failure = stage.getCause();
                }
                if (failure instanceof Error) {
                    broken = true; // Lambda's runtime exits on an Error: the next invocation starts a new container
                }
                logFailure(requestId, failure.getClass().getName() + ": " + failure.getMessage(), failure);
                throw new FunctionInvocationException(name, kind, failure.getClass().getName(), failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                invocation.cancel(true);
                broken = true;
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.HANDLER_ERROR, "caller interrupted", e);
            } finally {
                report(requestId, System.nanoTime() - start);
            }
        }

        private void report(String requestId, long durationNanos) {
            String init = firstInvocation ? " Init Duration: " + millis(initNanos) : "";
            firstInvocation = false;
            logger.log("REPORT RequestId: " + requestId + " Duration: " + millis(durationNanos) + " Memory Size: " + memoryMb + " MB" + init);
        }

        @SuppressWarnings("unchecked")
        private Callable<String> invocationOf(String event, byte[] payload, LocalContext context) {
            return () -> {
                if (streamHandler) {
                    ByteArrayOutputStream output = new ByteArrayOutputStream();
                    ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(payload), output, context);
                    return output.toString(StandardCharsets.UTF_8);
                }
                Object input;
                try {
                    input = inputSerializer.fromJson(event);
                } catch (RuntimeException e) {
                    throw new Stage(FunctionInvocationException.Kind.SERIALIZATION_ERROR, e);
                }
                Object output = ((RequestHandler<Object, Object>) handler).handleRequest(input, context);
                try {
                    ByteArrayOutputStream json = new ByteArrayOutputStream();
                    outputSerializer.toJson(output, json);
                    return json.toString(StandardCharsets.UTF_8);
                } catch (RuntimeException e) {
                    throw new Stage(FunctionInvocationException.Kind.SERIALIZATION_ERROR, e);
                }
            };
        }

        @Override
        public boolean reusable() {
            return !broken;
        }

        @Override
        public void destroy() {
            thread.shutdownNow();
        }
    }
}

package dev.damagedesk.localruntime.function;

import dev.damagedesk.localaws.lambda.OutputLines;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions' standard output while they run in this JVM ({@link LocalFunction}): they all share
 * {@code System.out}, so a line is told apart by the container thread that wrote it (named
 * {@code lambda-<logical id>-<container>} by {@link LocalFunction}; logical ids are alphanumeric). Every byte still
 * reaches the terminal; each complete line a container thread writes also goes to the listener. Lines written by
 * other threads (the runtime, the emulators) go to the terminal only.
 */
public final class InProcessOutput implements AutoCloseable {

    private static final String CONTAINER_THREAD = "lambda-";

    private final PrintStream original;
    private final PrintStream tee;
    private volatile FunctionLogLines listener;

    private InProcessOutput(FunctionLogLines listener) {
        this.original = System.out;
        this.listener = Objects.requireNonNull(listener, "listener");
        // one splitter per container thread (named before it writes): lines of two functions never mix
        ThreadLocal<Optional<OutputLines>> splitters = ThreadLocal.withInitial(() -> functionOf(Thread.currentThread().getName())
                .map(function -> new OutputLines(line -> deliver(function, line))));
        this.tee = OutputLines.tee(original, (bytes, offset, length) ->
                splitters.get().ifPresent(lines -> lines.write(bytes, offset, length)));
    }

    /** Puts the tee in front of {@code System.out} until {@link #close}. */
    public static InProcessOutput install(FunctionLogLines listener) {
        InProcessOutput output = new InProcessOutput(listener);
        System.setOut(output.tee);
        return output;
    }

    /** The logical id of the function whose container thread this is, if it is one. */
    static Optional<String> functionOf(String threadName) {
        if (!threadName.startsWith(CONTAINER_THREAD)) {
            return Optional.empty();
        }
        int container = threadName.lastIndexOf('-');
        return container > CONTAINER_THREAD.length()
                ? Optional.of(threadName.substring(CONTAINER_THREAD.length(), container)) : Optional.empty();
    }

    private void deliver(String function, String line) {
        try {
            listener.line(function, line);
        } catch (RuntimeException listenerFailed) {
            // a listener's fault must not fail the function that printed
        }
    }

    /** Gives {@code System.out} back (if nothing replaced it since); lines written later reach no listener. */
    @Override
    public void close() {
        listener = (function, line) -> { };
        if (System.out == tee) {
            System.setOut(original);
        }
    }
}

package dev.damagedesk.localruntime.function;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ThreadLocal<ByteArrayOutputStream> partial = ThreadLocal.withInitial(ByteArrayOutputStream::new);
        this.tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                Optional<String> function = functionOf(Thread.currentThread().getName());
                if (function.isEmpty()) {
                    return;
                }
                ByteArrayOutputStream line = partial.get();
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        deliver(function.get(), line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(bytes[i]);
                    }
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
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
            listener.line(function, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
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

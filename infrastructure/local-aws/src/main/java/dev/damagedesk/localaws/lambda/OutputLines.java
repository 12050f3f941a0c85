package dev.damagedesk.localaws.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts what a function writes to standard output into lines (UTF-8, without the line break or a trailing CR), as
 * CloudWatch Logs receives them. Not thread-safe: one per writer, or guarded by the caller.
 */
public final class OutputLines {

    /** Where a tee hands each write. */
    @FunctionalInterface
    public interface Writes {
        void write(byte[] bytes, int offset, int length);
    }

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    public OutputLines(Consumer<String> lines) {
        this.lines = lines;
    }

    public void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else {
                partial.write(bytes[i]);
            }
        }
    }

    /** A stream that passes every byte on to {@code original} and hands every write to {@code writes} too. */
    public static PrintStream tee(PrintStream original, Writes writes) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                writes.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}

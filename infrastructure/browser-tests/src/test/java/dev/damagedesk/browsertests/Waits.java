package dev.damagedesk.browsertests;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition outside the browser (the mailbox, the report's status) until it holds or time runs out. */
final class Waits {

    private Waits() {
    }

    static <T> T until(String what, Duration limit, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(200); // the poll interval of a wait with a deadline, not a fixed delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting for " + what, last);
    }
}

package dev.damagedesk.notifier.send;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ledger writes that follow a claim (give it back, mark it sent), retried through a short outage of the table
 * beyond the SDK's own retries. Each one left undone costs dearly: a claim not given back holds the notice for the
 * whole claim lease, and a notice sent but not marked is sent again once the lease ends. The waits add up to about
 * 9 s, well inside the function's 30 s timeout.
 */
final class LedgerWrites {

    static final List<Duration> WAITS = List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
            Duration.ofMillis(1_600), Duration.ofMillis(3_000), Duration.ofMillis(3_000));

    private final Consumer<Duration> sleeper;

    LedgerWrites(Consumer<Duration> sleeper) {
        this.sleeper = sleeper;
    }

    static LedgerWrites sleeping() {
        return new LedgerWrites(wait -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while retrying a ledger write", e);
            }
        });
    }

    /** Runs {@code write}, again after each of {@link #WAITS} while it throws; the last failure is thrown. */
    void persistently(Runnable write) {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException failed) {
                if (attempt >= WAITS.size()) {
                    throw failed;
                }
                sleeper.accept(WAITS.get(attempt));
            }
        }
    }
}

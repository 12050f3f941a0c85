package dev.damagedesk.notifier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LedgerWritesTest {

    private final List<Duration> waited = new ArrayList<>();
    private final LedgerWrites writes = new LedgerWrites(waited::add);

    @Test
    void aWriteThatSucceedsAtOnceWaitsForNothing() {
        AtomicInteger calls = new AtomicInteger();

        writes.persistently(calls::incrementAndGet);

        assertThat(calls).hasValue(1);
        assertThat(waited).isEmpty();
    }

    @Test
    void aWriteThatFailsThroughAShortOutageIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        writes.persistently(() -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException("table unavailable");
            }
        });

        assertThat(calls).hasValue(4);
        assertThat(waited).containsExactlyElementsOf(LedgerWrites.WAITS.subList(0, 3));
    }

    @Test
    void aWriteThatKeepsFailingThrowsItsLastFailureAfterEveryWait() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> writes.persistently(() -> {
            throw new IllegalStateException("failure " + calls.incrementAndGet());
        })).hasMessage("failure " + (LedgerWrites.WAITS.size() + 1));

        assertThat(waited).containsExactlyElementsOf(LedgerWrites.WAITS);
        assertThat(waited.stream().mapToLong(Duration::toMillis).sum()).as("inside the notifier's 30 s timeout")
                .isLessThan(15_000);
    }
}

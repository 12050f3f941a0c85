package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.SubmissionCounters;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** {@link SubmissionCounters} kept in memory, for use-case tests; {@link #failing} makes every add fail. */
public final class InMemorySubmissionCounters implements SubmissionCounters {

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Instant> expiries = new TreeMap<>();
    private boolean failing;

    @Override
    public synchronized long add(String counterKey, Instant expiresAt) {
        if (failing) {
            throw new Unavailable("counters made to fail by the test", null);
        }
        expiries.putIfAbsent(counterKey, expiresAt);
        return counts.merge(counterKey, 1L, Long::sum);
    }

    /** From now on every add fails (true) or works again (false). */
    public synchronized void failing(boolean fail) {
        this.failing = fail;
    }

    /** Every counter with its count. */
    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public synchronized Instant expiryOf(String counterKey) {
        return expiries.get(counterKey);
    }
}

package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.domain.audit.OperationEntry;
import java.util.ArrayList;
import java.util.List;

/** An {@link OperationsTrail} in memory, for tests: a sequence is free when it is the one after the last. */
public final class InMemoryOperationsTrail implements OperationsTrail {

    private final List<OperationEntry> entries = new ArrayList<>();

    @Override
    public synchronized boolean appendIfFree(OperationEntry entry) {
        if (entry.sequence() != entries.size() + 1) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    @Override
    public synchronized List<OperationEntry> latest(int limit) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
    }

    /**
     * A view of this trail whose first append fails as an unavailable table would (the appends after it reach this
     * trail): for the tests of what a use case does when its trail entry cannot be written.
     */
    public OperationsTrail failingFirstAppend() {
        InMemoryOperationsTrail trail = this;
        return new OperationsTrail() {
            private boolean failed;

            @Override
            public synchronized boolean appendIfFree(OperationEntry entry) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("audit table unavailable");
                }
                return trail.appendIfFree(entry);
            }

            @Override
            public List<OperationEntry> latest(int limit) {
                return trail.latest(limit);
            }
        };
    }
}

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
}

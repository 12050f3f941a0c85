package dev.damagedesk.application.port;

import dev.damagedesk.domain.audit.OperationEntry;
import java.util.List;

/**
 * The append-only operations trail: changes of the channel as a whole (surge switches, detected incidents'
 * decisions), beside the reports' trails in the audit table, with the same two operations: a put that succeeds only
 * for a new sequence, and a read. {@link dev.damagedesk.application.audit.AuditOperations} builds the chain on it.
 */
public interface OperationsTrail {

    /**
     * Appends the entry if its sequence is free.
     *
     * @return false when another entry took the sequence first (a concurrent append): read the tail again
     */
    boolean appendIfFree(OperationEntry entry);

    /** The latest {@code limit} entries, oldest first; empty when none. */
    List<OperationEntry> latest(int limit);
}

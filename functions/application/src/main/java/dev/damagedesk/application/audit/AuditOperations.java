package dev.damagedesk.application.audit;

import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations trail's use cases: appending an event as the next link of its chain, and reading the latest entries
 * with their chain checked. Appending is safe to repeat: an event (its action and subject) already among the latest
 * entries is not appended again, so a retried run or a repeated request records it once. Concurrent writers (the
 * surge controller, staff) each take the next free sequence.
 */
public final class AuditOperations {

    /** The latest entries, oldest first, and whether they link up as a chain. */
    public record Window(List<OperationEntry> entries, AuditChain.Verification chain) {
    }

    /** How far back a repeat is looked for: far more entries than are appended while a run is retried. */
    static final int REPEAT_WINDOW = 20;
    /** Appends lost to concurrent writers before giving up (each loss means another entry was written). */
    static final int ATTEMPTS = 10;

    private final OperationsTrail trail;

    public AuditOperations(OperationsTrail trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
    }

    /**
     * @return the entry that records the event: the one appended now, or the one appended before
     * @throws IllegalStateException when every attempt lost its sequence to another writer
     */
    public OperationEntry record(Instant at, Actor actor, OperationAction action, String subject, String detail) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<OperationEntry> latest = trail.latest(REPEAT_WINDOW);
            Optional<OperationEntry> before = latest.stream().filter(entry -> entry.records(action, subject)).findFirst();
            if (before.isPresent()) {
                return before.get();
            }
            OperationEntry next = OperationChain.next(latest.isEmpty() ? null : latest.get(latest.size() - 1), at, actor,
                    action, subject, detail);
            if (trail.appendIfFree(next)) {
                return next;
            }
        }
        throw new IllegalStateException("The operations trail's next sequence was taken " + ATTEMPTS + " times in a row");
    }

    /** The latest {@code limit} entries with their links checked ({@link OperationChain#verify}). */
    public Window latest(int limit) {
        List<OperationEntry> entries = trail.latest(limit);
        return new Window(entries, OperationChain.verify(entries));
    }
}

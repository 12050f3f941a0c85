package dev.damagedesk.application.port;

import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import java.util.List;

/**
 * The append-only audit trail, in a table of its own on which the functions may only put new items and query.
 * There is no update and no delete, here or in any IAM policy.
 */
public interface AuditTrail {

    /**
     * Appends the entry unless the report already has one with its sequence. Appending the same entry twice (a
     * redelivery, a retried flush) is a no-op.
     *
     * @throws IllegalStateException when a different entry holds that sequence (the chain check will name it)
     */
    void append(AuditEntry entry);

    /** The report's entries, oldest first. */
    List<AuditEntry> entriesOf(ReportId reportId);
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import java.util.Objects;

/**
 * A report as stored: with the {@code version} every write checks and increments (optimistic concurrency), and
 * the audit entry of that version, which the report item carries until it is in the audit trail (so a change and
 * its entry are written in one single-item write; see docs/data-model.md).
 *
 * @param version   1 when first stored; entry {@code version} of the audit trail describes the last change
 * @param lastEntry the audit entry of {@code version}
 */
public record StoredReport(Report report, long version, AuditEntry lastEntry) {

    public StoredReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(lastEntry, "lastEntry");
        if (version < 1 || lastEntry.sequence() != version) {
            throw new IllegalArgumentException("version " + version + " with entry " + lastEntry.sequence());
        }
    }
}

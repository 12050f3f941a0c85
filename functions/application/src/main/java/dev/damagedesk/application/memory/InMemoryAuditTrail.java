package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link AuditTrail} in memory: append-only, the same rules as the audit table. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Map<ReportId, NavigableMap<Long, AuditEntry>> entries = new ConcurrentHashMap<>();

    @Override
    public void append(AuditEntry entry) {
        AuditEntry existing = entries.computeIfAbsent(entry.reportId(), id -> new ConcurrentSkipListMap<>())
                .putIfAbsent(entry.sequence(), entry);
        if (existing != null && !existing.equals(entry)) {
            throw new IllegalStateException("Report " + entry.reportId().value() + " already has another entry "
                    + entry.sequence());
        }
    }

    @Override
    public List<AuditEntry> entriesOf(ReportId reportId) {
        NavigableMap<Long, AuditEntry> ofReport = entries.get(reportId);
        return ofReport == null ? List.of() : List.copyOf(ofReport.values());
    }
}

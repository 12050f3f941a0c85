package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** A {@link ContactIndex} in memory: {@link #add(Report)} indexes a report under its reporter's identity keys. */
public final class InMemoryContactIndex implements ContactIndex {

    private final Map<String, Set<ReportId>> byKey = new ConcurrentHashMap<>();
    private final IdentityKeys identityKeys;

    /** @param identityKeys what {@link #add(Report)} indexes under */
    public InMemoryContactIndex(IdentityKeys identityKeys) {
        this.identityKeys = identityKeys;
    }

    public void add(Report report) {
        for (String key : identityKeys.of(ReporterIdentity.of(report.submission().reporter()))) {
            recordReport(report.incidentId(), key, report.id());
        }
    }

    @Override
    public int recordReport(String incidentId, String identityKey, ReportId reportId) {
        Set<ReportId> ids = byKey.computeIfAbsent(incidentId + "#" + identityKey, k -> new CopyOnWriteArraySet<>());
        ids.add(reportId);
        return ids.size();
    }

    @Override
    public Set<ReportId> reportsOf(String incidentId, String identityKey) {
        return Set.copyOf(byKey.getOrDefault(incidentId + "#" + identityKey, Set.of()));
    }
}

package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.IdentityIndexes;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.ReporterIdentity;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A {@link ContactIndex} in memory: {@link #add(Report)} indexes a report under its reporter's identity keys. As
 * {@link IdentityIndexes} it forgets a report under a key, and releases the key's claim in the duplicate registry
 * given (if any).
 */
public final class InMemoryContactIndex implements ContactIndex, IdentityIndexes {

    private final Map<String, Set<ReportId>> byKey = new ConcurrentHashMap<>();
    private final IdentityKeys identityKeys;
    private final InMemoryDuplicateRegistry claims;

    /** @param identityKeys what {@link #add(Report)} indexes under */
    public InMemoryContactIndex(IdentityKeys identityKeys) {
        this(identityKeys, new InMemoryDuplicateRegistry());
    }

    /**
     * @param identityKeys what {@link #add(Report)} indexes under
     * @param claims       the duplicate claims {@link #forget} releases
     */
    public InMemoryContactIndex(IdentityKeys identityKeys, InMemoryDuplicateRegistry claims) {
        this.identityKeys = identityKeys;
        this.claims = claims;
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

    @Override
    public void forget(String incidentId, String service, String identityKey, ReportId reportId) {
        Set<ReportId> ids = byKey.get(incidentId + "#" + identityKey);
        if (ids != null) {
            ids.remove(reportId);
            if (ids.isEmpty()) {
                byKey.remove(incidentId + "#" + identityKey, ids);
            }
        }
        claims.release(incidentId, service, identityKey, reportId);
    }

    /** Whether any report is indexed under the key in the incident. */
    public boolean holds(String incidentId, String identityKey) {
        return byKey.containsKey(incidentId + "#" + identityKey);
    }
}

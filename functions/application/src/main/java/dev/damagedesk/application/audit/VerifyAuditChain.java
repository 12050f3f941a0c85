package dev.damagedesk.application.audit;

import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks audit chains: one report's, or every report of an incident (through the {@code IncidentService} index,
 * service by service, page by page), naming the first broken link of each broken chain ({@link AuditChain#verify}).
 * The chain of a report is its trail with the entry the report item carries, so a crash between a report's write
 * and its entry's append is not taken for tampering, while a trail entry that differs from the carried one is.
 */
public final class VerifyAuditChain {

    static final int PAGE_SIZE = 100;

    /** One report's check. */
    public record ReportCheck(ReportId reportId, long version, int entries, AuditChain.Verification verification) {
        public boolean intact() {
            return verification.intact();
        }
    }

    /** An incident's check: how many reports were checked, and the broken ones. */
    public record IncidentCheck(String incidentId, int checked, List<ReportCheck> broken) {
        public IncidentCheck {
            broken = List.copyOf(broken);
        }

        public boolean intact() {
            return broken.isEmpty();
        }
    }

    private final ReportStore reports;
    private final AuditTrail trail;
    private final Incidents incidents;

    public VerifyAuditChain(ReportStore reports, AuditTrail trail, Incidents incidents) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.trail = Objects.requireNonNull(trail, "trail");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
    }

    /** @return empty when no report has the id */
    public Optional<ReportCheck> report(ReportId reportId) {
        return reports.find(reportId).map(this::check);
    }

    /** @throws IllegalArgumentException when the incident is not known */
    public IncidentCheck incident(String incidentId) {
        int checked = 0;
        List<ReportCheck> broken = new ArrayList<>();
        for (String service : incidents.incident(incidentId).services()) {
            Map<String, String> cursor = null;
            do {
                ReportStore.ServicePage page = reports.pageOfService(incidentId, service, cursor, PAGE_SIZE);
                for (StoredReport stored : page.reports()) {
                    ReportCheck check = check(stored);
                    checked++;
                    if (!check.intact()) {
                        broken.add(check);
                    }
                }
                cursor = page.next();
            } while (cursor != null);
        }
        return new IncidentCheck(incidentId, checked, broken);
    }

    private ReportCheck check(StoredReport stored) {
        List<AuditEntry> entries = trail.entriesOf(stored.report().id());
        AuditChain.Verification verification = AuditChain.verify(entries, stored.lastEntry(), stored.version());
        int count = entries.stream().anyMatch(entry -> entry.sequence() == stored.version()) ? entries.size()
                : entries.size() + 1;
        return new ReportCheck(stored.report().id(), stored.version(), count, verification);
    }
}

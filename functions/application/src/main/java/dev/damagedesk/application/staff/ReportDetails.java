package dev.damagedesk.application.staff;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A report as staff see it: the stored report, the duplicates linked to it (found through its reporter's identity
 * keys, never by a scan), its whole audit trail and what the caller may do to it now.
 */
public final class ReportDetails {

    /**
     * @param duplicates the reports marked as duplicates of this one, oldest first
     * @param audit      every entry, oldest first, including the one the report item still carries
     */
    public record ReportDetail(StoredReport stored, List<ReportId> duplicates, List<AuditEntry> audit,
                               Set<StaffAction> allowedActions) {
        public ReportDetail {
            duplicates = List.copyOf(duplicates);
            audit = List.copyOf(audit);
            allowedActions = Set.copyOf(allowedActions);
        }

        /** The open document request: the last one asked for while the report waits for documents. */
        public Optional<DocumentRequest> documentRequest() {
            if (stored.report().status() != ReportStatus.NEEDS_DOCUMENTS) {
                return Optional.empty();
            }
            for (int i = audit.size() - 1; i >= 0; i--) {
                AuditEntry entry = audit.get(i);
                if (entry.action() == AuditAction.DOCUMENTS_REQUESTED) {
                    return Optional.of(new DocumentRequest(entry.at(), entry.detail(), entry.reason()));
                }
            }
            return Optional.empty();
        }
    }

    /** @param deadline as the entry's detail records it (an ISO instant); null if it names none */
    public record DocumentRequest(java.time.Instant requestedAt, String deadline, String whatIsNeeded) {
    }

    /** What an actor may do to a report now: role, amount limit and transition table (the domain decides). */
    @FunctionalInterface
    public interface AllowedActions {
        Set<StaffAction> of(Actor actor, StoredReport report);
    }

    private final ReportStore reports;
    private final ReportChanges changes;
    private final ContactIndex contacts;
    private final AllowedActions allowedActions;
    private final IdentityKeys identityKeys;

    /** @param identityKeys the keys the processor indexed reports under (the same secret) */
    public ReportDetails(ReportStore reports, ReportChanges changes, ContactIndex contacts, IdentityKeys identityKeys,
                         AllowedActions allowedActions) {
        this.reports = reports;
        this.changes = changes;
        this.contacts = contacts;
        this.identityKeys = java.util.Objects.requireNonNull(identityKeys, "identityKeys");
        this.allowedActions = allowedActions;
    }

    public Optional<ReportDetail> of(Actor actor, ReportId id) {
        return reports.find(id).map(stored -> new ReportDetail(stored, duplicatesOf(stored.report()),
                changes.trailOf(stored), allowedActions.of(actor, stored)));
    }

    /**
     * The reports linked to this one as duplicates, found through its reporter's identity keys. An erased report has
     * no keys left (and its links in the contact index are gone): none are listed, though they keep their link.
     */
    private List<ReportId> duplicatesOf(Report report) {
        if (report.personalDataErased()) {
            return List.of();
        }
        Set<ReportId> candidates = new LinkedHashSet<>();
        for (String key : identityKeys.of(ReporterIdentity.of(report.submission().reporter()))) {
            candidates.addAll(contacts.reportsOf(report.incidentId(), key));
        }
        candidates.remove(report.id());
        return reports.findAll(candidates).stream()
                .map(StoredReport::report)
                .filter(other -> report.id().equals(other.duplicateOf()))
                .sorted(java.util.Comparator.comparing(Report::receivedAt).thenComparing(other -> other.id().value()))
                .map(Report::id)
                .toList();
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.ReporterIdentity;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A reporter's reports, found by email or phone through the identity keys the processor records
 * ({@link ContactIndex}): the contact is normalised and hashed as the domain does it (docs/triage.md, "Duplicates"),
 * one look-up per incident, then one batched read of the reports. Never a scan.
 */
public final class FindReportsByContact {

    private final ContactIndex contacts;
    private final ReportStore reports;

    public FindReportsByContact(ContactIndex contacts, ReportStore reports) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** The reports sent from this email address (any case, any {@code +tag}) to these incidents, oldest first. */
    public List<StoredReport> byEmail(String email, Collection<String> incidentIds) {
        return find(ReporterIdentity.emailKey(email), incidentIds);
    }

    /** The reports sent with this phone number (any formatting) to these incidents; empty for a non-number. */
    public List<StoredReport> byPhone(String phone, Collection<String> incidentIds) {
        Optional<String> key = ReporterIdentity.phoneKey(phone);
        return key.isEmpty() ? List.of() : find(key.get(), incidentIds);
    }

    private List<StoredReport> find(String identityKey, Collection<String> incidentIds) {
        Set<ReportId> ids = new LinkedHashSet<>();
        for (String incidentId : incidentIds) {
            ids.addAll(contacts.reportsOf(incidentId, identityKey));
        }
        return reports.findAll(ids).stream()
                .sorted(Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                        .thenComparing(stored -> stored.report().id().value()))
                .toList();
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.ReporterIdentity;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The staff queue: a page of a filter, and a reporter's reports found by email or phone (never by a scan). */
public final class StaffQueue {

    private final ReportStore reports;
    private final ContactIndex contacts;

    public StaffQueue(ReportStore reports, ContactIndex contacts) {
        this.reports = reports;
        this.contacts = contacts;
    }

    public QueuePage page(QueueQuery query) {
        return reports.queue(query);
    }

    /** The incident's reports sent from this email address (normalised as the processor does), oldest first. */
    public List<StoredReport> byEmail(String incidentId, String email) {
        return byKey(incidentId, new ReporterIdentity(ReporterIdentity.normaliseEmail(email), null, null).keys().get(0));
    }

    /** The incident's reports sent from this phone number, oldest first; none when it is not a usable number. */
    public List<StoredReport> byPhone(String incidentId, String phone) {
        Optional<String> normalised = ReporterIdentity.normalisePhone(phone);
        if (normalised.isEmpty()) {
            return List.of();
        }
        // The identity's keys are email first, then phone: the email here is a placeholder that is not looked up.
        return byKey(incidentId, new ReporterIdentity("", normalised.get(), null).keys().get(1));
    }

    private List<StoredReport> byKey(String incidentId, String identityKey) {
        Set<ReportId> ids = new LinkedHashSet<>(contacts.reportsOf(incidentId, identityKey));
        return reports.findAll(ids).stream()
                .sorted(Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                        .thenComparing(stored -> stored.report().id().value()))
                .toList();
    }
}

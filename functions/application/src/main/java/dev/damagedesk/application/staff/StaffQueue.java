package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The staff queue: a page of a filter, and a reporter's reports found by email or phone (never by a scan). */
public final class StaffQueue {

    private final ReportStore reports;
    private final ContactIndex contacts;
    private final IdentityKeys identityKeys;

    /** @param identityKeys the keys the processor indexed reports under (the same secret) */
    public StaffQueue(ReportStore reports, ContactIndex contacts, IdentityKeys identityKeys) {
        this.reports = reports;
        this.contacts = contacts;
        this.identityKeys = java.util.Objects.requireNonNull(identityKeys, "identityKeys");
    }

    public QueuePage page(QueueQuery query) {
        return reports.queue(query);
    }

    /** The incident's reports sent from this email address (normalised as the processor does), oldest first. */
    public List<StoredReport> byEmail(String incidentId, String email) {
        return byKey(incidentId, identityKeys.emailKey(email));
    }

    /** The incident's reports sent from this phone number, oldest first; none when it is not a usable number. */
    public List<StoredReport> byPhone(String incidentId, String phone) {
        Optional<String> key = identityKeys.phoneKey(phone);
        return key.isEmpty() ? List.of() : byKey(incidentId, key.get());
    }

    private List<StoredReport> byKey(String incidentId, String identityKey) {
        Set<ReportId> ids = new LinkedHashSet<>(contacts.reportsOf(incidentId, identityKey));
        return reports.findAll(ids).stream()
                .sorted(Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                        .thenComparing(stored -> stored.report().id().value()))
                .toList();
    }
}

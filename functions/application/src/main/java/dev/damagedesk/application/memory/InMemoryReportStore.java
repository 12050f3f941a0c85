package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.triage.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/** A {@link ReportStore} in a map, for use-case tests and the replay: the same version rules as the table. */
public final class InMemoryReportStore implements ReportStore {

    private final ConcurrentMap<ReportId, StoredReport> reports = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(Report report, AuditEntry firstEntry, Instant expiresAt) {
        return reports.putIfAbsent(report.id(), new StoredReport(report, 1, firstEntry)) == null;
    }

    @Override
    public StoredReport replace(StoredReport before, Report after, AuditEntry entry, Instant expiresAt) {
        StoredReport next = new StoredReport(after, before.version() + 1, entry);
        boolean[] replaced = {false};
        reports.computeIfPresent(before.report().id(), (id, current) -> {
            if (current.version() != before.version()) {
                return current;
            }
            replaced[0] = true;
            return next;
        });
        if (!replaced[0]) {
            throw new StaleReportException(before.report().id(), before.version());
        }
        return next;
    }

    @Override
    public Optional<StoredReport> find(ReportId id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public List<StoredReport> findAll(Collection<ReportId> ids) {
        return ids.stream().distinct().map(reports::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The cursor is the number of matching reports already returned (the table's cursor is opaque too). Priority
     * order is the table's: {@link Priority#queueKey}, earliest first.
     */
    @Override
    public QueuePage queue(QueueQuery query) {
        Comparator<StoredReport> oldest = Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                .thenComparing(stored -> stored.report().id().value());
        Comparator<StoredReport> order = query.order() == QueueQuery.Order.OLDEST ? oldest
                : Comparator.comparing((StoredReport stored) -> Priority.queueKey(stored.report()))
                        .thenComparing(stored -> stored.report().id().value());
        List<StoredReport> matching = reports.values().stream().filter(matches(query)).sorted(order).toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(matching.size(), from + query.limit());
        return new QueuePage(new ArrayList<>(matching.subList(Math.min(from, to), to)),
                to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public ServicePage pageOfService(String incidentId, String service, Map<String, String> cursor, int limit) {
        List<StoredReport> matching = reports.values().stream()
                .filter(stored -> stored.report().incidentId().equals(incidentId)
                        && stored.report().submission().service().equals(service))
                .sorted(Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                        .thenComparing(stored -> stored.report().id().value()))
                .toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor.get("offset"));
        int to = Math.min(matching.size(), from + limit);
        return new ServicePage(new ArrayList<>(matching.subList(Math.min(from, to), to)),
                to < matching.size() ? Map.of("offset", Integer.toString(to)) : null);
    }

    public int size() {
        return reports.size();
    }

    private static Predicate<StoredReport> matches(QueueQuery query) {
        return stored -> {
            Report report = stored.report();
            return report.status() == query.status()
                    && (query.incidentId() == null || report.incidentId().equals(query.incidentId()))
                    && (query.service() == null || report.submission().service().equals(query.service()))
                    && (query.category() == null || report.submission().category() == query.category())
                    && (query.receivedFrom() == null || !report.receivedAt().isBefore(query.receivedFrom()))
                    && (query.receivedTo() == null || report.receivedAt().isBefore(query.receivedTo()))
                    && (query.triageReason() == null || report.triageReason() == query.triageReason())
                    && (query.riskFlag() == null || report.riskFlags().contains(query.riskFlag()));
        };
    }
}

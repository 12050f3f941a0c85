package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.RecentReports;
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
public final class InMemoryReportStore implements ReportStore, RecentReports {

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
     * Oldest first, the cursor is the last report returned (receipt time and id), as the table's key-based cursor:
     * a report that leaves the filter (a job decided it) does not shift the next page. Highest priority first,
     * it is the number of matching reports already returned, in the table's order ({@link Priority#queueKey}).
     */
    @Override
    public QueuePage queue(QueueQuery query) {
        Comparator<StoredReport> oldest = Comparator.comparing((StoredReport stored) -> stored.report().receivedAt())
                .thenComparing(stored -> stored.report().id().value());
        if (query.order() != QueueQuery.Order.PRIORITY) { // one store, one shard: stored order is oldest first
            List<StoredReport> matching = reports.values().stream().filter(matches(query))
                    .filter(stored -> query.cursor() == null || timeKey(stored).compareTo(query.cursor()) > 0)
                    .sorted(oldest).limit(query.limit() + 1L).toList();
            List<StoredReport> page = new ArrayList<>(matching.subList(0, Math.min(query.limit(), matching.size())));
            return new QueuePage(page, matching.size() > query.limit() ? timeKey(page.get(page.size() - 1)) : null);
        }
        Comparator<StoredReport> order = Comparator.comparing((StoredReport stored) -> Priority.queueKey(stored.report()))
                .thenComparing(stored -> stored.report().id().value());
        List<StoredReport> matching = reports.values().stream().filter(matches(query)).sorted(order).toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(matching.size(), from + query.limit());
        return new QueuePage(new ArrayList<>(matching.subList(Math.min(from, to), to)),
                to < matching.size() ? Integer.toString(to) : null);
    }

    /** Sorts as the table's index key does: ISO instants of equal precision sort as text. */
    private static String timeKey(StoredReport stored) {
        return stored.report().receivedAt() + "#" + stored.report().id().value();
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

    @Override
    public List<Row> receivedBetween(String incidentId, String service, Instant from, Instant to, int limit) {
        return reports.values().stream()
                .map(StoredReport::report)
                .filter(report -> report.incidentId().equals(incidentId) && report.submission().service().equals(service)
                        && !report.receivedAt().isBefore(from) && report.receivedAt().isBefore(to))
                .sorted(Comparator.comparing((Report report) -> report.receivedAt())
                        .thenComparing(report -> report.id().value()))
                .limit(limit)
                .map(report -> new Row(report.receivedAt(), report.status(), report.triageReason(),
                        report.decision() == null ? null : report.decision().ruleId(),
                        report.decision() == null ? 0 : report.decision().amountKrw()))
                .toList();
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

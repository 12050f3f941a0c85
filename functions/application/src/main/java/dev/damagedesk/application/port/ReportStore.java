package dev.damagedesk.application.port;

import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where reports are kept. Every write is one conditional single-item write (DynamoDB Local's stand-in has no
 * transactions): the first on absence, the others on the version read.
 */
public interface ReportStore {

    /**
     * Stores a new report at version 1 with its first audit entry, unless one with its id exists (a redelivery).
     *
     * @return true if this call stored it
     */
    boolean insertIfAbsent(Report report, AuditEntry firstEntry, Instant expiresAt);

    /**
     * Replaces {@code before} with {@code after} at version {@code before.version() + 1}, carrying {@code entry}
     * (whose sequence is that version).
     *
     * @throws StaleReportException when the stored version is no longer {@code before.version()}
     */
    StoredReport replace(StoredReport before, Report after, AuditEntry entry, Instant expiresAt);

    Optional<StoredReport> find(ReportId id);

    /** The reports of these ids that exist, in no particular order (one batched read). */
    List<StoredReport> findAll(Collection<ReportId> ids);

    /** One page of the staff queue (see {@link QueueQuery}). */
    QueuePage queue(QueueQuery query);

    /** One page of an incident's reports of one service, oldest first, for jobs that walk them all. */
    ServicePage pageOfService(String incidentId, String service, Map<String, String> cursor, int limit);

    /** @param next where the next page starts; null after the last page */
    record ServicePage(List<StoredReport> reports, Map<String, String> next) {
        public boolean hasNext() {
            return next != null;
        }
    }
}

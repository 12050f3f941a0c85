package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Which reports a bulk decision or an export is about: the queue's criteria without a cursor or a page size
 * (docs/admin-api.md, {@code filter}). Only the status is required.
 */
public record ReportFilter(ReportStatus status, String incidentId, String service, Category category,
                           Instant receivedFrom, Instant receivedTo, TriageReason triageReason, RiskFlag riskFlag) {

    public ReportFilter {
        Objects.requireNonNull(status, "status");
    }

    /** One page of the filter in stored order: how a job walks it (each report read once, stable while reports change). */
    public QueueQuery page(int limit, String cursor) {
        return query(QueueQuery.Order.STORED, limit, cursor);
    }

    public QueueQuery query(QueueQuery.Order order, int limit, String cursor) {
        return new QueueQuery(status, incidentId, service, category, receivedFrom, receivedTo, triageReason, riskFlag,
                order, limit, cursor);
    }
}

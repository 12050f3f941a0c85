package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A filter over the staff queue. The status is required: the queue is read from the {@code StatusQueue} index,
 * one shard at a time, merged; every other criterion is optional (null).
 *
 * @param receivedFrom inclusive
 * @param receivedTo   exclusive
 * @param cursor       opaque, from the previous page's {@link QueuePage#nextCursor()}; null for the first page
 */
public record QueueQuery(ReportStatus status, String incidentId, String service, Category category,
                         Instant receivedFrom, Instant receivedTo, TriageReason triageReason, RiskFlag riskFlag,
                         Order order, int limit, String cursor) {

    public enum Order {
        /** Received first, first. */
        OLDEST,
        /** Highest triage priority first (docs/triage.md), then oldest. */
        PRIORITY,
        /**
         * Shard after shard, each oldest first: every matching report read once, where a merged order reads up to
         * one page per shard for each page served. For jobs, which walk a whole filter and have no reader of the order.
         */
        STORED
    }

    public static final int MAX_LIMIT = 100;

    public QueueQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }
}

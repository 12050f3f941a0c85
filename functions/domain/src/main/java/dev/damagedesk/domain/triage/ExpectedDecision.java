package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reporter's status lookup promises, counted from the report's receipt:
 *
 * <pre>
 * AUTO_APPROVED    payment or extension within  7 days
 * NEEDS_REVIEW     a person decides within     14 days
 * NEEDS_DOCUMENTS  a decision within           30 days (the reporter's documents come first)
 * RECEIVED, SCORED none: the report is about to be scored and triaged (see ProcessingEstimate)
 * APPROVED, REJECTED, PAID, DISPUTED  none: decided by staff
 * </pre>
 */
public final class ExpectedDecision {

    public static final Duration PAYMENT_TARGET = Duration.ofDays(7);
    public static final Duration REVIEW_TARGET = Duration.ofDays(14);
    public static final Duration DOCUMENTS_TARGET = Duration.ofDays(30);

    private ExpectedDecision() {
    }

    /** How long after receipt the next step is expected; empty when there is nothing to promise. */
    public static Optional<Duration> within(ReportStatus status) {
        return switch (Objects.requireNonNull(status, "status")) {
            case AUTO_APPROVED -> Optional.of(PAYMENT_TARGET);
            case NEEDS_REVIEW -> Optional.of(REVIEW_TARGET);
            case NEEDS_DOCUMENTS -> Optional.of(DOCUMENTS_TARGET);
            case RECEIVED, SCORED, APPROVED, REJECTED, PAID, DISPUTED -> Optional.empty();
        };
    }

    /** The date the status lookup shows as {@code expectedDecisionBy}. */
    public static Optional<Instant> by(ReportStatus status, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return within(status).map(receivedAt::plus);
    }
}

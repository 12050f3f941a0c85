package dev.damagedesk.domain.intake;

import dev.damagedesk.domain.report.ReportStatus;

import java.time.Duration;

/** What to tell a reporter about when to expect an answer. */
public final class ProcessingEstimate {

    /** The review team's target for reports that need a person and documents. */
    public static final Duration REVIEW_TARGET = Duration.ofDays(14);

    private ProcessingEstimate() {
    }

    /**
     * How long until a report just queued is scored: the queue ahead of it at the worker's rate,
     * rounded up to whole minutes, plus a minute for the report itself.
     */
    public static Duration expectedProcessingTime(long queuedReports, int reportsPerMinute) {
        if (queuedReports < 0) {
            throw new IllegalArgumentException("queuedReports must not be negative: " + queuedReports);
        }
        if (reportsPerMinute <= 0) {
            throw new IllegalArgumentException("reportsPerMinute must be positive: " + reportsPerMinute);
        }
        long minutesForQueue = queuedReports / reportsPerMinute + (queuedReports % reportsPerMinute == 0 ? 0 : 1);
        return Duration.ofMinutes(minutesForQueue + 1);
    }

    /**
     * How long after its current status a report gets a decision. For {@link ReportStatus#RECEIVED}
     * this returns zero: the caller knows the queue and adds {@link #expectedProcessingTime}.
     */
    public static Duration expectedDecisionTime(ReportStatus status) {
        return switch (status) {
            case RECEIVED, SCORED -> Duration.ZERO;
            case NEEDS_REVIEW -> REVIEW_TARGET;
        };
    }
}

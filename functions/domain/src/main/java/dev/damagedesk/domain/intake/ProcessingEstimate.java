package dev.damagedesk.domain.intake;

import java.time.Duration;

/**
 * How long until a queued report is scored. What follows scoring (payment, review, documents) is promised by
 * {@link dev.damagedesk.domain.triage.ExpectedDecision}.
 */
public final class ProcessingEstimate {

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
}

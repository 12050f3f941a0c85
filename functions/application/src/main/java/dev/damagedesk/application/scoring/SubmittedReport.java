package dev.damagedesk.application.scoring;

import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A report the intake accepted and queued: the id, time and token hash the reporter was given, and the submission
 * in the public API's shape, so that the processor validates it again with the same rules.
 */
public record SubmittedReport(ReportId reportId, Instant receivedAt, String incidentId, String tokenHash,
                              Map<String, Object> submission) {

    public SubmittedReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(submission, "submission");
    }
}

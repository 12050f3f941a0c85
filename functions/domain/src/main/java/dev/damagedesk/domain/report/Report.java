package dev.damagedesk.domain.report;

import dev.damagedesk.domain.scoring.Decision;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored report.
 *
 * @param decision  null while {@link ReportStatus#RECEIVED}
 * @param tokenHash SHA-256 of the reporter's tracking token; the token itself is never stored
 */
public record Report(
        ReportId id,
        String incidentId,
        ReportSubmission submission,
        Instant receivedAt,
        ReportStatus status,
        Decision decision,
        String tokenHash) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    /** A report just taken in, waiting for the worker to score it. */
    public static Report received(
            ReportId id, String incidentId, ReportSubmission submission, Instant receivedAt, String tokenHash) {
        return new Report(id, incidentId, submission, receivedAt, ReportStatus.RECEIVED, null, tokenHash);
    }

    /** This report with the decision recorded and the status the decision leads to. */
    public Report decided(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        return new Report(id, incidentId, submission, receivedAt, decision.resultingStatus(), decision, tokenHash);
    }
}

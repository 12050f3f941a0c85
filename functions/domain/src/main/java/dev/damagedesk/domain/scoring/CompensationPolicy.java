package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.ReportSubmission;

/** Decides what a valid report is owed for an incident. Implementations are pure: same input, same decision. */
public interface CompensationPolicy {

    /** Stored with every decision, so a changed policy never silently rewrites old ones. */
    String version();

    Decision score(ReportSubmission submission, Incident incident);
}

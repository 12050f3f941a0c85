package dev.damagedesk.domain.report;

/** Where a report is in its life. */
public enum ReportStatus {
    /** Stored and queued; no decision yet. */
    RECEIVED,
    /** Scored automatically; the decision is final unless the reporter objects. */
    SCORED,
    /** Scored as needing a person to look at documents. */
    NEEDS_REVIEW
}

package dev.damagedesk.domain.report;

/**
 * Where a report is in its triage lifecycle. Which status may follow which is decided by
 * {@link dev.damagedesk.domain.triage.StatusTransitions}; see {@code docs/triage.md}.
 */
public enum ReportStatus {
    /** Taken in and queued (or stored); no decision yet. */
    RECEIVED,
    /** Scored under a compensation policy, about to be triaged; a report does not stay here. */
    SCORED,
    /** The automatic decision stands; the payment or extension follows without a person. */
    AUTO_APPROVED,
    /** A person decides: manual-review rules, risk flags, duplicates and the audit sample land here. */
    NEEDS_REVIEW,
    /** Waiting for the reporter's documents (e.g. sales records of a business loss). */
    NEEDS_DOCUMENTS,
    /** Staff approved the compensation. */
    APPROVED,
    /** Staff rejected the claim. */
    REJECTED,
    /** The compensation was paid or the extension applied. */
    PAID,
    /** The reporter disputes the decision; it goes to mediation. */
    DISPUTED
}

package dev.damagedesk.domain.audit;

/** What an {@link AuditEntry} records. */
public enum AuditAction {
    /** The processor scored and triaged the report when it was stored. */
    SCORED,
    /** A new policy version re-scored it. */
    RESCORED,
    /** A new policy version would decide a staff decision otherwise; the decision was kept. */
    FLAGGED,
    APPROVED,
    AMOUNT_ADJUSTED,
    REJECTED,
    DOCUMENTS_REQUESTED,
    /** A document request's deadline passed without an answer. */
    DOCUMENTS_OVERDUE,
    MARKED_DUPLICATE,
    UNMARKED_DUPLICATE,
    REOPENED,
    /** A dead-lettered message about this report was sent back to its queue. */
    REDRIVEN,
    /**
     * A supervisor erased the reporter's personal data; the entry's reason is the {@code ErasureReason} code, its
     * detail the fields that were replaced (their names, never their values). Status and decision are unchanged.
     */
    PERSONAL_DATA_ERASED
}

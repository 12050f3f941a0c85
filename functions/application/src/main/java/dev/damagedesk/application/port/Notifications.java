package dev.damagedesk.application.port;

/**
 * Emails to reporters, queued for the notifier. Each is sent at most once per report and per version of it, so a
 * use case may queue the same notice again after a retry.
 */
public interface Notifications {

    /** The acknowledgement of a report just stored (or stored by an earlier delivery). */
    void acknowledge(StoredReport report);

    /** What staff decided: approved (how much), adjusted, rejected (why), and how to dispute it. */
    void decided(StoredReport report);

    /** What documents are needed and by when (the report is in NEEDS_DOCUMENTS with a deadline). */
    void documentsRequested(StoredReport report, java.time.Instant deadline, String whatIsNeeded);
}

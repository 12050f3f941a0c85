package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.ReportId;

/** A write was based on a version of the report that is no longer the stored one: refused, never merged. */
public final class StaleReportException extends RuntimeException {

    private final ReportId reportId;
    private final long expectedVersion;

    public StaleReportException(ReportId reportId, long expectedVersion) {
        super("Report " + reportId.value() + " is no longer at version " + expectedVersion);
        this.reportId = reportId;
        this.expectedVersion = expectedVersion;
    }

    public ReportId reportId() {
        return reportId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.List;

/**
 * The few fields of the reports an incident's service received in a time window, for the dashboard's figures: read
 * through the {@code IncidentService} index by its time-ordered sort key, never by a scan.
 */
public interface RecentReports {

    /** What the dashboard counts of one report. @param ruleId null (and amountKrw 0) before it is scored */
    record Row(Instant receivedAt, ReportStatus status, TriageReason triageReason, String ruleId, long amountKrw) {
    }

    /** The service's reports received in [from, to), oldest first, at most {@code limit} of them. */
    List<Row> receivedBetween(String incidentId, String service, Instant from, Instant to, int limit);
}

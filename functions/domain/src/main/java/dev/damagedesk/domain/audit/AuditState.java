package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.util.Objects;

/**
 * What an audit entry records of a report before and after a change: its status and what its decision awards.
 * Explanations and personal data are left out (the entry must never need to be erased with them).
 *
 * @param outcome      null while the report has no decision
 * @param ruleId       null while the report has no decision
 * @param policyVersion null while the report has no decision
 * @param duplicateOf  the report id it is linked to as a duplicate; null when none
 */
public record AuditState(ReportStatus status, Outcome outcome, String ruleId, String policyVersion, long amountKrw,
                         long extensionMinutes, String duplicateOf) {

    public AuditState {
        Objects.requireNonNull(status, "status");
    }

    /** What an entry records of this report. */
    public static AuditState of(Report report) {
        Objects.requireNonNull(report, "report");
        Decision decision = report.decision();
        String duplicateOf = report.duplicateOf() == null ? null : report.duplicateOf().value();
        if (decision == null) {
            return new AuditState(report.status(), null, null, null, 0, 0, duplicateOf);
        }
        return new AuditState(report.status(), decision.outcome(), decision.ruleId(), decision.policyVersion(),
                decision.amountKrw(), decision.extensionMinutes(), duplicateOf);
    }
}

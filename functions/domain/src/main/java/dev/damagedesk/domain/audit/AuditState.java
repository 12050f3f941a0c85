package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Outcome;
import java.util.Objects;

/**
 * What an audit entry records of a report before and after a change: its status and what its decision awards.
 * Explanations and personal data are left out (the entry must never need to be erased with them).
 *
 * @param outcome      null while the report has no decision
 * @param ruleId       null while the report has no decision
 * @param duplicateOf  the report id it is linked to as a duplicate; null when none
 */
public record AuditState(ReportStatus status, Outcome outcome, String ruleId, String policyVersion, long amountKrw,
                         long extensionMinutes, String duplicateOf) {

    public AuditState {
        Objects.requireNonNull(status, "status");
    }
}

package dev.damagedesk.domain.staff;

import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.Objects;

/**
 * One staff decision on a report, as asked for; {@code StaffDecisions} checks it against the report's status
 * (the transition table), the actor's role and the reviewers' amount limit.
 *
 * @param amountKrw   for {@link StaffAction#ADJUST}: the amount to pay instead of the policy's; else null
 * @param reason      required for adjust, reject, request-documents (what is needed), mark/unmark duplicate, reopen
 * @param deadline    for {@link StaffAction#REQUEST_DOCUMENTS}: by when; else null
 * @param duplicateOf for {@link StaffAction#MARK_DUPLICATE}: the first report; else null
 */
public record StaffDecision(StaffAction action, Long amountKrw, String reason, Instant deadline, ReportId duplicateOf) {

    public StaffDecision {
        Objects.requireNonNull(action, "action");
    }
}

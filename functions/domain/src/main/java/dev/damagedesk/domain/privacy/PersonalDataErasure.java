package dev.damagedesk.domain.privacy;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.Objects;

/**
 * What erasing a reporter's personal data means for a report, and who may do it.
 *
 * <p>Erased: the reporter's name, email, phone and account reference, and the free-text description (reporters
 * write names, phone numbers and account details into it, and nothing reads it to score or count). They are
 * replaced by {@link dev.damagedesk.domain.report.Reporter#ERASED} (phone and account reference left empty).
 * Kept: everything the statistics, the decision and the audit trail are made of: status, incident, service,
 * category, reporter type, the window and the amount claimed, the decision with its explanations (written from the
 * policy, never from what the reporter typed), triage, risk flags, the duplicate link, the document deadline, the
 * tracking token's hash (the reporter can still look the status up).
 *
 * <p>The audit trail needs no change: its entries never held personal data (an entry's states are
 * {@link dev.damagedesk.domain.audit.AuditState}: status, decision figures, duplicate link), so every hash stays
 * valid, and the erasure is one more entry ({@code PERSONAL_DATA_ERASED}) whose reason is the
 * {@link ErasureReason} and whose detail is {@link #ERASED_FIELDS}: names of fields, never values. What staff typed
 * as a decision's reason stays in the trail: it is the staff's record of the decision, not the reporter's data.
 */
public final class PersonalDataErasure {

    /** The detail of every erasure entry: the fields replaced, by name. */
    public static final String ERASED_FIELDS = "reporter.name reporter.email reporter.phone reporter.accountRef description";

    private PersonalDataErasure() {
    }

    /**
     * The report erased by {@code actor}.
     *
     * @throws StaffNotAllowedException when the actor is not a supervisor
     * @throws IllegalStateException    when the report is erased already (nothing is left to erase)
     */
    public static Report erase(Report report, Actor actor) {
        Objects.requireNonNull(report, "report");
        requireAllowed(actor);
        if (report.personalDataErased()) {
            throw new IllegalStateException("Report " + report.id().value() + " is erased already");
        }
        return report.withoutPersonalData();
    }

    /** Only a supervisor erases personal data. */
    public static void requireAllowed(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.role() == null || !actor.role().atLeast(StaffRole.SUPERVISOR)) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN,
                    "Only a supervisor erases a reporter's personal data");
        }
    }
}

package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.damagedesk.domain.report.ReportStatus.APPROVED;
import static dev.damagedesk.domain.report.ReportStatus.AUTO_APPROVED;
import static dev.damagedesk.domain.report.ReportStatus.DISPUTED;
import static dev.damagedesk.domain.report.ReportStatus.NEEDS_DOCUMENTS;
import static dev.damagedesk.domain.report.ReportStatus.NEEDS_REVIEW;
import static dev.damagedesk.domain.report.ReportStatus.PAID;
import static dev.damagedesk.domain.report.ReportStatus.RECEIVED;
import static dev.damagedesk.domain.report.ReportStatus.REJECTED;
import static dev.damagedesk.domain.report.ReportStatus.SCORED;

/**
 * The only changes of status a report may go through. Anything not in this table is refused with an
 * {@link IllegalTransitionException}; a status never follows itself.
 *
 * <pre>
 * from             | to
 * -----------------+------------------------------------------------------------
 * RECEIVED         | SCORED
 * SCORED           | AUTO_APPROVED, NEEDS_REVIEW, NEEDS_DOCUMENTS      (triage)
 * AUTO_APPROVED    | PAID, NEEDS_REVIEW, SCORED*
 * NEEDS_REVIEW     | APPROVED, REJECTED, NEEDS_DOCUMENTS, SCORED*
 * NEEDS_DOCUMENTS  | NEEDS_REVIEW, REJECTED, SCORED*
 * APPROVED         | PAID, DISPUTED, NEEDS_REVIEW
 * REJECTED         | DISPUTED, NEEDS_REVIEW
 * PAID             | DISPUTED
 * DISPUTED         | APPROVED, REJECTED
 * </pre>
 *
 * {@code SCORED*}: re-scoring under a new policy version sends a report no person has decided yet back to
 * {@code SCORED}, from where it is triaged again. The staff decisions ({@link #isStaffDecision}) never go
 * back to {@code SCORED}: a new policy only flags them. {@code APPROVED} and {@code REJECTED} go back to
 * {@code NEEDS_REVIEW} when staff reopen them (or unmark a duplicate they rejected) before the money went out.
 * {@code docs/triage.md} has the same table.
 */
public final class StatusTransitions {

    private static final Map<ReportStatus, Set<ReportStatus>> ALLOWED = new EnumMap<>(ReportStatus.class);

    static {
        ALLOWED.put(RECEIVED, EnumSet.of(SCORED));
        ALLOWED.put(SCORED, EnumSet.of(AUTO_APPROVED, NEEDS_REVIEW, NEEDS_DOCUMENTS));
        ALLOWED.put(AUTO_APPROVED, EnumSet.of(PAID, NEEDS_REVIEW, SCORED));
        ALLOWED.put(NEEDS_REVIEW, EnumSet.of(APPROVED, REJECTED, NEEDS_DOCUMENTS, SCORED));
        ALLOWED.put(NEEDS_DOCUMENTS, EnumSet.of(NEEDS_REVIEW, REJECTED, SCORED));
        ALLOWED.put(APPROVED, EnumSet.of(PAID, DISPUTED, NEEDS_REVIEW));
        ALLOWED.put(REJECTED, EnumSet.of(DISPUTED, NEEDS_REVIEW));
        ALLOWED.put(PAID, EnumSet.of(DISPUTED));
        ALLOWED.put(DISPUTED, EnumSet.of(APPROVED, REJECTED));
        ALLOWED.replaceAll((from, to) -> Collections.unmodifiableSet(to));
    }

    private static final Set<ReportStatus> STAFF_DECISIONS = Collections.unmodifiableSet(
            EnumSet.of(APPROVED, REJECTED, PAID, DISPUTED));

    private StatusTransitions() {
    }

    public static boolean allowed(ReportStatus from, ReportStatus to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ALLOWED.get(from).contains(to);
    }

    /**
     * @return {@code to}, so a caller can write {@code status = requireAllowed(status, next)}
     * @throws IllegalTransitionException when the table does not allow it
     */
    public static ReportStatus requireAllowed(ReportStatus from, ReportStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
        return to;
    }

    /** The statuses that may follow {@code from}. */
    public static Set<ReportStatus> allowedFrom(ReportStatus from) {
        return ALLOWED.get(Objects.requireNonNull(from, "from"));
    }

    /**
     * Whether the report is past the automatic part of its life: a person decided it ({@code APPROVED},
     * {@code REJECTED}, {@code DISPUTED}) or the money went out ({@code PAID}). Re-scoring never overwrites such a
     * decision; it only flags it when a new policy would decide otherwise.
     */
    public static boolean isStaffDecision(ReportStatus status) {
        return STAFF_DECISIONS.contains(Objects.requireNonNull(status, "status"));
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffDecisions;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One staff decision on one report: read it, check the caller's {@code version} is the stored one, apply
 * {@link StaffDecisions} (role, fields, transition table, amount limit), write the next version with its audit
 * entry ({@link ReportChanges}), then queue the reporter's email: {@link Notifications#decided} for approve, adjust,
 * reject and mark-duplicate, {@link Notifications#documentsRequested} for a document request; reopen and
 * unmark-duplicate send none (the report goes back to review).
 *
 * <p>A retry of a decision that was written (the caller never saw the answer, or queueing the email failed) carries
 * the version it was based on: it is recognised by the entry the report now carries (the next version, the same
 * actor, action and reason), queues the email again (the notifier sends it at most once) and answers the stored
 * report, instead of a 409.
 */
public final class DecideReport {

    /** What became of the decision. */
    public sealed interface Result permits Decided, Invalid, NotFound {
    }

    /** Written (or written before, by the same decision): the report as stored now. */
    public record Decided(StoredReport report) implements Result {
    }

    /** The request's fields are wrong; nothing was written. */
    public record Invalid(List<FieldError> errors) implements Result {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotFound(ReportId reportId) implements Result {
    }

    private final ReportStore reports;
    private final ReportChanges changes;
    private final StaffDecisions decisions;
    private final Incidents incidents;
    private final Notifications notifications;
    private final Clock clock;
    private final Measurements measurements;

    public DecideReport(ReportStore reports, ReportChanges changes, StaffDecisions decisions, Incidents incidents,
                        Notifications notifications, Clock clock, Measurements measurements) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.measurements = Objects.requireNonNull(measurements, "measurements");
    }

    /**
     * @param version the version the caller read (and decided on)
     * @throws StaleReportException when the report is at another version (409 {@code stale-version})
     * @throws dev.damagedesk.domain.staff.StaffNotAllowedException (403 {@code forbidden} / {@code over-decision-limit})
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException (409 {@code transition-not-allowed})
     */
    public Result decide(ReportId reportId, long version, StaffDecision decision, Actor actor) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Optional<StoredReport> found = reports.find(reportId);
        if (found.isEmpty()) {
            return new NotFound(reportId);
        }
        StoredReport stored = found.get();
        if (stored.version() != version) {
            if (isRetryOf(stored, version, decision, actor)) {
                notify(stored, decision);
                return new Decided(stored);
            }
            throw new StaleReportException(reportId, version);
        }
        if (decision.action() == StaffAction.MARK_DUPLICATE && decision.duplicateOf() != null
                && !decision.duplicateOf().equals(reportId) && reports.find(decision.duplicateOf()).isEmpty()) {
            return new Invalid(List.of(new FieldError("duplicateOf", ErrorCodes.NOT_ALLOWED,
                    "No report has this id.", "이 번호의 신고가 없습니다.")));
        }
        Validated<StaffDecisions.Decided> decided = decisions.decide(stored.report(), decision, actor, clock.instant(),
                this::underActivePolicy);
        if (!decided.isValid()) {
            return new Invalid(decided.errors());
        }
        StaffDecisions.Decided change = decided.value();
        StoredReport written = changes.change(stored, change.report(), actor, change.action(), change.reason(),
                change.detail());
        notify(written, decision);
        // Counted once, when written: a retry of the same decision (above) changes nothing.
        if (written.report().decision() != null) {
            measurements.decided(written.report().decision().ruleId());
        }
        return new Decided(written);
    }

    /**
     * This use case as the {@link ReportDecider} seam that the admin API and bulk jobs call: the decided report, or
     * {@link InvalidDecisionException} with the field errors, {@link java.util.NoSuchElementException} for no report.
     */
    public ReportDecider asDecider() {
        return (actor, reportId, version, decision) -> {
            Result result = decide(reportId, version, decision, actor);
            if (result instanceof Decided decided) {
                return decided.report();
            }
            if (result instanceof Invalid invalid) {
                throw new InvalidDecisionException(invalid.errors());
            }
            throw new java.util.NoSuchElementException("No report " + reportId.value());
        };
    }

    private dev.damagedesk.domain.scoring.Decision underActivePolicy(Report report) {
        return incidents.activePolicy(report.incidentId()).score(report.submission(),
                incidents.incident(report.incidentId()));
    }

    private void notify(StoredReport written, StaffDecision decision) {
        switch (decision.action()) {
            case APPROVE, ADJUST, REJECT, MARK_DUPLICATE -> notifications.decided(written);
            case REQUEST_DOCUMENTS -> notifications.documentsRequested(written, written.report().documentsDueBy(),
                    decision.reason().strip());
            case UNMARK_DUPLICATE, REOPEN -> {
                // Back to review: the reporter hears of the decision that follows.
            }
        }
    }

    private static boolean isRetryOf(StoredReport stored, long version, StaffDecision decision, Actor actor) {
        AuditEntry last = stored.lastEntry();
        String reason = decision.reason() == null ? null : decision.reason().strip();
        return stored.version() == version + 1
                && last.actor().equals(actor)
                && last.action() == auditActionOf(decision.action())
                && Objects.equals(last.reason(), reason);
    }

    static AuditAction auditActionOf(StaffAction action) {
        return switch (action) {
            case APPROVE -> AuditAction.APPROVED;
            case ADJUST -> AuditAction.AMOUNT_ADJUSTED;
            case REJECT -> AuditAction.REJECTED;
            case REQUEST_DOCUMENTS -> AuditAction.DOCUMENTS_REQUESTED;
            case MARK_DUPLICATE -> AuditAction.MARKED_DUPLICATE;
            case UNMARK_DUPLICATE -> AuditAction.UNMARKED_DUPLICATE;
            case REOPEN -> AuditAction.REOPENED;
        };
    }
}

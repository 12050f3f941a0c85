package dev.damagedesk.application.staff;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves on the document requests whose deadline passed without an answer (docs/triage.md): each report back to
 * {@code NEEDS_REVIEW} with a {@code DOCUMENTS_OVERDUE} audit entry, so that a person decides with what the
 * report has. Never a rejection.
 *
 * <p>A run reads the {@code NEEDS_DOCUMENTS} queue (the {@code StatusQueue} index, never a scan) to its end,
 * collecting the overdue reports, then writes each on the version it was read at. Writing only after reading
 * keeps the index's cursor valid whatever the store's cursor is made of. A report changed meanwhile is refused as
 * stale and skipped; a report moved on leaves {@code NEEDS_DOCUMENTS}: a run that stopped early (its time budget,
 * {@link #MAX_PER_RUN}, a failure) is continued by the next one, and a run repeated changes nothing more.
 */
public final class ExpireDocumentRequests {

    /** Who the audit entries name. */
    public static final Actor SCHEDULE = Actor.function("DocumentDeadlineFunction");
    /** Reports moved on per run at most: a run's writes fit well within the function's time-out. */
    public static final int MAX_PER_RUN = 1_000;
    static final int PAGE_SIZE = QueueQuery.MAX_LIMIT;

    /**
     * @param examined reports read in {@code NEEDS_DOCUMENTS}
     * @param overdue  of those, whose deadline had passed
     * @param moved    moved back to {@code NEEDS_REVIEW} by this run
     * @param skipped  overdue but changed meanwhile (stale): left to whoever changed them
     * @param finished false when the run stopped before every overdue report was dealt with (the next run goes on)
     */
    public record Outcome(int examined, int overdue, int moved, int skipped, boolean finished) {
    }

    private final ReportStore reports;
    private final ReportChanges changes;
    private final Clock clock;

    public ExpireDocumentRequests(ReportStore reports, ReportChanges changes, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param stopBy when to stop writing (the function's time budget); the rest is left to the next run */
    public Outcome run(Instant stopBy) {
        Instant now = clock.instant();
        List<StoredReport> overdue = new ArrayList<>();
        int examined = 0;
        boolean finished = true;
        String cursor = null;
        do {
            QueuePage page = reports.queue(new QueueQuery(ReportStatus.NEEDS_DOCUMENTS, null, null, null, null, null,
                    null, null, QueueQuery.Order.OLDEST, PAGE_SIZE, cursor));
            for (StoredReport stored : page.reports()) {
                examined++;
                if (isOverdue(stored.report(), now)) {
                    overdue.add(stored);
                }
            }
            cursor = page.nextCursor();
            if (overdue.size() >= MAX_PER_RUN && cursor != null) {
                finished = false;
                break;
            }
        } while (cursor != null);

        int moved = 0;
        int skipped = 0;
        for (StoredReport stored : overdue.subList(0, Math.min(overdue.size(), MAX_PER_RUN))) {
            if (!clock.instant().isBefore(stopBy)) {
                finished = false;
                break;
            }
            try {
                Report report = stored.report();
                changes.change(stored, report.movedTo(ReportStatus.NEEDS_REVIEW), SCHEDULE,
                        AuditAction.DOCUMENTS_OVERDUE, null, "documents were due by " + report.documentsDueBy());
                moved++;
            } catch (StaleReportException changedMeanwhile) {
                skipped++;
            }
        }
        return new Outcome(examined, overdue.size(), moved, skipped, finished && overdue.size() <= MAX_PER_RUN);
    }

    /** Strictly after the deadline; a report without one (triage asked, no person yet) never expires. */
    static boolean isOverdue(Report report, Instant now) {
        return report.status() == ReportStatus.NEEDS_DOCUMENTS && report.documentsDueBy() != null
                && now.isAfter(report.documentsDueBy());
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * One decision over every report of a filter: a dry run first (how many, how much money), then a job that the
 * worker runs page by page from the staff job queue, never one long request. Each report is decided through
 * {@link ReportDecider} with the version it was read at, so it gets its own checks, audit entry and email; a
 * report that changed in between is counted as skipped and left as it is.
 */
public final class BulkDecisions {

    /** Reports per job page: a page's decisions finish well inside the worker's timeout. */
    public static final int PAGE_SIZE = 25;

    /** The actions that make sense for many reports at once; the others need a report-specific value. */
    public static final Set<StaffAction> BULK_ACTIONS =
            EnumSet.of(StaffAction.APPROVE, StaffAction.REJECT, StaffAction.REQUEST_DOCUMENTS);

    private final ReportStore reports;
    private final StaffJobs jobs;
    private final StaffJobQueue queue;
    private final ReportDecider decider;
    private final Clock clock;

    public BulkDecisions(ReportStore reports, StaffJobs jobs, StaffJobQueue queue, ReportDecider decider, Clock clock) {
        this.reports = reports;
        this.jobs = jobs;
        this.queue = queue;
        this.decider = decider;
        this.clock = clock;
    }

    /** How many reports the filter holds now and the money their decisions award. */
    public FilterTally dryRun(Actor actor, ReportFilter filter, StaffDecision decision) {
        requireAllowed(actor, decision);
        return FilterTally.of(reports, filter);
    }

    /** Starts the job: its item, then its first page on the queue. */
    public StaffJob start(String jobId, Actor actor, ReportFilter filter, StaffDecision decision) {
        requireAllowed(actor, decision);
        FilterTally tally = FilterTally.of(reports, filter);
        StaffJob job = StaffJob.started(jobId, StaffJob.Kind.BULK_DECISION, actor, filter, decision, false,
                clock.instant(), tally.reports(), null, null);
        jobs.create(job);
        queue.send(new JobPage(jobId, 1, null));
        return job;
    }

    /**
     * Runs one page. A page already recorded (a redelivery) decides nothing again; it only queues the next page
     * again, in case the first delivery stopped between recording and queuing.
     *
     * @throws IllegalStateException when the job is unknown or the page comes before its predecessor was
     *                               recorded: the message is retried later
     */
    public void runPage(JobPage page) {
        StaffJob job = jobs.find(page.jobId()).orElseThrow(() -> new IllegalStateException("No job " + page.jobId()));
        if (job.kind() != StaffJob.Kind.BULK_DECISION) {
            throw new IllegalArgumentException("Job " + job.jobId() + " is not a bulk decision");
        }
        if (job.pagesDone() >= page.number()) {
            if (job.pagesDone() == page.number() && job.nextCursor() != null) {
                queue.send(new JobPage(job.jobId(), page.number() + 1, job.nextCursor()));
            }
            return;
        }
        if (job.pagesDone() != page.number() - 1) {
            throw new IllegalStateException("Job " + job.jobId() + " page " + page.number() + " before page " + (page.number() - 1));
        }
        QueuePage read = reports.queue(job.filter().page(PAGE_SIZE, page.cursor()));
        long processed = 0;
        long skipped = 0;
        long failed = 0;
        long amount = 0;
        for (StoredReport stored : read.reports()) {
            try {
                StoredReport after = decider.decide(job.actor(), stored.report().id(), stored.version(), job.decision());
                processed++;
                amount += FilterTally.amountOf(after);
            } catch (StaleReportException | NoSuchElementException changed) {
                Optional<StoredReport> now = reports.find(stored.report().id());
                if (now.isPresent() && decidedByThisJob(job, stored, now.get())) {
                    processed++; // an earlier delivery of this page decided it before it stopped
                    amount += FilterTally.amountOf(now.get());
                } else {
                    skipped++;
                }
            } catch (StaffNotAllowedException | IllegalTransitionException | InvalidDecisionException refused) {
                failed++;
            }
        }
        StaffJob.PageResult result = new StaffJob.PageResult(page.number(), processed, skipped, failed, amount, null,
                read.nextCursor());
        if (jobs.recordPage(job.jobId(), result).isPresent() && !result.last()) {
            queue.send(new JobPage(job.jobId(), page.number() + 1, read.nextCursor()));
        }
    }

    private static boolean decidedByThisJob(StaffJob job, StoredReport read, StoredReport now) {
        return now.version() > read.version() && now.lastEntry().actor().equals(job.actor())
                && !now.lastEntry().at().isBefore(job.createdAt());
    }

    private static void requireAllowed(Actor actor, StaffDecision decision) {
        if (!actor.isStaff() || !actor.role().atLeast(StaffRole.REVIEWER)) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN, "Only reviewers and supervisors decide");
        }
        if (!BULK_ACTIONS.contains(decision.action())) {
            throw new IllegalArgumentException("Not a bulk action: " + decision.action().code());
        }
    }
}

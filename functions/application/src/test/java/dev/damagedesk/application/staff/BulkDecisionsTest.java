package dev.damagedesk.application.staff;

import static dev.damagedesk.application.staff.StaffFixtures.REVIEWER;
import static dev.damagedesk.application.staff.StaffFixtures.SUPERVISOR;
import static dev.damagedesk.application.staff.StaffFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryStaffJobQueue;
import dev.damagedesk.application.memory.InMemoryStaffJobs;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkDecisionsTest {

    private final StaffFixtures fixtures = new StaffFixtures();
    private final InMemoryStaffJobs jobs = new InMemoryStaffJobs();
    private final InMemoryStaffJobQueue queue = new InMemoryStaffJobQueue();
    private final StandInDecider decider = new StandInDecider(fixtures.store);
    private final BulkDecisions bulk = new BulkDecisions(fixtures.store, jobs, queue, decider,
            Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
    private final ReportFilter needsReview = new ReportFilter(ReportStatus.NEEDS_REVIEW, null, null, null, null, null, null, null);
    private final StaffDecision approve = new StaffDecision(StaffAction.APPROVE, null, "checked in bulk", null, null);

    @Test
    void theDryRunCountsTheReportsAndTheMoneyAndChangesNothing() {
        for (int i = 0; i < 130; i++) {
            fixtures.needsReview(i, 1_000);
        }
        fixtures.stored(500, ReportStatus.AUTO_APPROVED, 5_000, "other@example.com", null, "x", null);

        FilterTally tally = bulk.dryRun(REVIEWER, needsReview, approve);

        assertThat(tally).isEqualTo(new FilterTally(130, 130_000));
        assertThat(decider.decided).isEmpty();
        assertThat(queue.sent()).isZero();
    }

    @Test
    void aConfirmedJobDecidesEveryReportOnceThroughTheDeciderPageByPage() {
        List<StoredReport> reports = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            reports.add(fixtures.needsReview(i, 2_000));
        }

        bulk.start("job-1", REVIEWER, needsReview, approve);
        int pages = drain();

        StaffJob job = jobs.find("job-1").orElseThrow();
        assertThat(pages).isEqualTo(3); // 25 + 25 + 10
        assertThat(job.status()).isEqualTo(StaffJob.Status.DONE);
        assertThat(job.total()).isEqualTo(60);
        assertThat(job.processed()).isEqualTo(60);
        assertThat(job.skipped()).isZero();
        assertThat(job.amountKrw()).isEqualTo(120_000);
        assertThat(decider.decided).hasSize(60).doesNotHaveDuplicates();
        assertThat(reports).allSatisfy(report -> assertThat(fixtures.store.find(report.report().id()).orElseThrow()
                .report().status()).isEqualTo(ReportStatus.APPROVED));
    }

    @Test
    void aPageDeliveredTwiceDecidesAndCountsNothingTwice() {
        for (int i = 0; i < 30; i++) {
            fixtures.needsReview(i, 1_000);
        }
        bulk.start("job-2", REVIEWER, needsReview, approve);
        JobPage first = queue.poll().orElseThrow();

        bulk.runPage(first);
        bulk.runPage(first); // SQS delivers at least once
        drain();

        StaffJob job = jobs.find("job-2").orElseThrow();
        assertThat(job.processed()).isEqualTo(30);
        assertThat(job.amountKrw()).isEqualTo(30_000);
        assertThat(decider.decided).hasSize(30).doesNotHaveDuplicates();
        assertThat(job.status()).isEqualTo(StaffJob.Status.DONE);
    }

    @Test
    void aReportChangedAfterItWasReadIsSkippedNotOverwritten() {
        StoredReport changedMeanwhile = fixtures.needsReview(0, 1_000);
        fixtures.needsReview(1, 1_000);
        BulkDecisions racing = new BulkDecisions(fixtures.store, jobs, queue, (actor, id, version, decision) -> {
            if (id.equals(changedMeanwhile.report().id()) && version == 1) {
                // another reviewer rejects it between the job's read and its decision
                decider.decide(SUPERVISOR, id, 1, new StaffDecision(StaffAction.REJECT, null, "fraud", null, null));
            }
            return decider.decide(actor, id, version, decision);
        }, Clock.systemUTC());

        racing.start("job-3", REVIEWER, needsReview, approve);
        while (queue.poll().map(page -> { racing.runPage(page); return page; }).isPresent()) {
            // drain
        }

        StaffJob job = jobs.find("job-3").orElseThrow();
        assertThat(job.processed()).isEqualTo(1);
        assertThat(job.skipped()).isEqualTo(1);
        assertThat(fixtures.store.find(changedMeanwhile.report().id()).orElseThrow().report().status())
                .isEqualTo(ReportStatus.REJECTED);
    }

    @Test
    void reportsOverTheReviewersLimitAreCountedAsRefusedAndLeftAlone() {
        StoredReport large = fixtures.needsReview(0, 250_000);
        fixtures.needsReview(1, 1_000);

        bulk.start("job-4", REVIEWER, needsReview, approve);
        drain();

        StaffJob job = jobs.find("job-4").orElseThrow();
        assertThat(job.processed()).isEqualTo(1);
        assertThat(job.failed()).isEqualTo(1);
        assertThat(fixtures.store.find(large.report().id()).orElseThrow().report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
    }

    @Test
    void aViewerMayNotStartOrDryRunABulkDecision() {
        assertThatThrownBy(() -> bulk.start("job-5", VIEWER, needsReview, approve))
                .isInstanceOf(StaffNotAllowedException.class);
        assertThatThrownBy(() -> bulk.dryRun(VIEWER, needsReview, approve))
                .isInstanceOf(StaffNotAllowedException.class);
        assertThat(jobs.find("job-5")).isEmpty();
    }

    @Test
    void adjustIsNotABulkAction() {
        assertThatThrownBy(() -> bulk.dryRun(REVIEWER, needsReview,
                new StaffDecision(StaffAction.ADJUST, 10L, "r", null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    private int drain() {
        int pages = 0;
        while (true) {
            var page = queue.poll();
            if (page.isEmpty()) {
                return pages;
            }
            bulk.runPage(page.get());
            pages++;
        }
    }
}

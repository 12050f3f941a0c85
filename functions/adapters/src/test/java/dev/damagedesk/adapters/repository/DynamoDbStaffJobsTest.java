package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.staff.ReportFilter;
import dev.damagedesk.application.staff.StaffFixtures;
import dev.damagedesk.application.staff.StaffJob;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Job progress in the real table (dynalite): the job survives the item, and a page is counted once. */
class DynamoDbStaffJobsTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final DynamoDbStaffJobs jobs = new DynamoDbStaffJobs(cloud.aws().dynamoDb(),
            cloud.resources().tableName("ReportsTable"));

    private StaffJob job(String id) {
        ReportFilter filter = new ReportFilter(ReportStatus.NEEDS_REVIEW, "2022-10-15", "pay", Category.FAILED_PURCHASE,
                Instant.parse("2022-10-15T00:00:00Z"), null, null, RiskFlag.OUTLIER_AMOUNT);
        return StaffJob.started(id, StaffJob.Kind.BULK_DECISION, StaffFixtures.REVIEWER, filter,
                new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null, "영수증", Instant.parse("2022-11-01T00:00:00Z"), null),
                false, Instant.parse("2026-12-03T12:00:00Z"), 60, null, null);
    }

    @Test
    void aJobReadsBackAsItWasWritten() {
        String id = UUID.randomUUID().toString();
        jobs.create(job(id));

        assertThat(jobs.find(id)).contains(job(id));
        assertThat(jobs.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aPageIsRecordedOnceAndOnlyAfterItsPredecessor() {
        String id = UUID.randomUUID().toString();
        jobs.create(job(id));
        StaffJob.PageResult first = new StaffJob.PageResult(1, 25, 0, 0, 25_000, null, "cursor-1");

        assertThat(jobs.recordPage(id, new StaffJob.PageResult(2, 25, 0, 0, 1, null, null))).isEmpty();
        assertThat(jobs.recordPage(id, first)).map(StaffJob::processed).contains(25L);
        assertThat(jobs.recordPage(id, first)).isEmpty();
        jobs.create(job(id)); // a retried start leaves the progress alone

        StaffJob stored = jobs.find(id).orElseThrow();
        assertThat(stored.pagesDone()).isEqualTo(1);
        assertThat(stored.processed()).isEqualTo(25);
        assertThat(stored.nextCursor()).isEqualTo("cursor-1");
        assertThat(stored.status()).isEqualTo(StaffJob.Status.RUNNING);
    }
}

package dev.damagedesk.application.scoring;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.INCIDENT_ID;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.manualReview;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static dev.damagedesk.application.testing.UseCaseFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.RescorePages.RescorePage;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.application.testing.UseCaseFixtures.RecordingPages;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.rescoring.Rescoring;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.Triage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RescoreJobTest {

    private static final String V1 = "2022-10-15/v1";
    private static final String V2 = "2022-10-15/v2";
    private static final Actor SUPERVISOR = Actor.staff("sub-9", "lead@damagedesk.example", StaffRole.SUPERVISOR);

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), CLOCK);
    private final RecordingPages pages = new RecordingPages();
    private final Triage triage = new Triage(AuditSample.none());
    private final RescoreJob job = new RescoreJob(
            new FakeIncidents(policy(V1, version -> extension(version, 4230)))
                    .publish(2, policy(V2, version -> extension(version, 5640))),
            new Rescoring(triage), store, changes, pages, CLOCK);

    private StoredReport storedUnderV1(ReportId id) {
        Report report = received(id, music(id.value() + "@example.com"));
        Report triaged = report.triaged(triage.triage(id, report.submission(), manualReview(V1),
                java.util.Set.of(), Optional.empty()));
        return changes.store(triaged, ProcessReport.PROCESSOR, AuditAction.SCORED).report();
    }

    private static RescorePage firstPage() {
        return new RescorePage(INCIDENT_ID, 2, "music", null);
    }

    @Test
    void undecidedReportsAreRescoredWithAnAuditEntryAndStaffDecisionsOnlyFlagged() {
        StoredReport undecided = storedUnderV1(id(1));
        StoredReport review = storedUnderV1(id(2));
        StoredReport approved = changes.change(review, review.report().movedTo(ReportStatus.APPROVED), SUPERVISOR,
                AuditAction.APPROVED, "checked", null);

        RescoreJob.PageResult result = job.processPage(firstPage());

        assertThat(result).isEqualTo(new RescoreJob.PageResult(2, 1, 1, 0, 0, false));
        StoredReport rescored = store.find(undecided.report().id()).orElseThrow();
        assertThat(rescored.version()).isEqualTo(2);
        assertThat(rescored.report().decision()).isEqualTo(extension(V2, 5640));
        AuditEntry entry = rescored.lastEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.RESCORED);
        assertThat(entry.actor()).isEqualTo(RescoreJob.RESCORER);
        assertThat(entry.before().policyVersion()).isEqualTo(V1);
        assertThat(entry.before().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(entry.after().policyVersion()).isEqualTo(V2);
        assertThat(entry.after().status()).isEqualTo(ReportStatus.AUTO_APPROVED);

        StoredReport flagged = store.find(approved.report().id()).orElseThrow();
        assertThat(flagged.version()).isEqualTo(3);
        assertThat(flagged.report().decision()).as("a staff decision is kept").isEqualTo(approved.report().decision());
        assertThat(flagged.lastEntry().action()).isEqualTo(AuditAction.FLAGGED);
        assertThat(flagged.lastEntry().before()).isEqualTo(flagged.lastEntry().after());
        assertThat(flagged.lastEntry().detail()).contains(V2).contains("5640");
        assertThat(AuditChain.verify(trail.entriesOf(flagged.report().id()), 3).intact()).isTrue();
        assertThat(pages.queued).isEmpty();
    }

    @Test
    void aPageProcessedTwiceChangesNothingMore() {
        storedUnderV1(id(1));
        StoredReport review = storedUnderV1(id(2));
        changes.change(review, review.report().movedTo(ReportStatus.APPROVED), SUPERVISOR, AuditAction.APPROVED, null, null);
        job.processPage(firstPage());

        RescoreJob.PageResult again = job.processPage(firstPage());

        assertThat(again).isEqualTo(new RescoreJob.PageResult(2, 0, 0, 2, 0, false));
        assertThat(trail.entriesOf(id(1))).hasSize(2);
        assertThat(trail.entriesOf(id(2))).hasSize(3);
    }

    @Test
    void aFullPageQueuesTheNextFromItsCursor() {
        for (int n = 1; n <= RescoreJob.PAGE_SIZE + 1; n++) {
            storedUnderV1(id(n));
        }

        RescoreJob.PageResult first = job.processPage(firstPage());

        assertThat(first.read()).isEqualTo(RescoreJob.PAGE_SIZE);
        assertThat(first.morePages()).isTrue();
        assertThat(pages.queued).singleElement().satisfies(next -> {
            assertThat(next.cursor()).isNotNull();
            assertThat(next.policyVersion()).isEqualTo(2);
            assertThat(job.processPage(next).read()).isEqualTo(1);
        });
    }

    @Test
    void aReportChangedBetweenReadAndWriteIsCountedAndLeftToTheChange() {
        StoredReport undecided = storedUnderV1(id(1));
        // Someone else writes version 2 while the page holds version 1.
        InMemoryReportStore racing = new InMemoryReportStore() ;
        racing.insertIfAbsent(undecided.report(), undecided.lastEntry(), undecided.report().receivedAt());
        ReportChanges racingChanges = new ReportChanges(racing, trail, Duration.ofDays(1095), CLOCK);
        RescoreJob racingJob = new RescoreJob(new FakeIncidents(policy(V1, version -> extension(version, 4230)))
                .publish(2, policy(V2, version -> extension(version, 5640))), new Rescoring(triage),
                new StaleOnceStore(racing, () -> racingChanges.change(racing.find(id(1)).orElseThrow(),
                        undecided.report().movedTo(ReportStatus.APPROVED), SUPERVISOR, AuditAction.APPROVED, null, null)),
                racingChanges, pages, CLOCK);

        RescoreJob.PageResult result = racingJob.processPage(firstPage());

        assertThat(result.changedMeanwhile()).isEqualTo(1);
        assertThat(racing.find(id(1)).orElseThrow().report().status()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void anUnknownPolicyVersionIsAPermanentFailure() {
        assertThatThrownBy(() -> job.processPage(new RescorePage(INCIDENT_ID, 7, "music", null)))
                .isInstanceOf(PermanentFailureException.class);
    }

    /** A store whose page read lets another writer change the report before the job writes it. */
    private static final class StaleOnceStore extends ForwardingStore {
        private final Runnable otherWriter;

        StaleOnceStore(InMemoryReportStore delegate, Runnable otherWriter) {
            super(delegate);
            this.otherWriter = otherWriter;
        }

        @Override
        public ServicePage pageOfService(String incidentId, String service, java.util.Map<String, String> cursor,
                                         int limit) {
            ServicePage page = super.pageOfService(incidentId, service, cursor, limit);
            otherWriter.run();
            return page;
        }
    }

    private static class ForwardingStore implements dev.damagedesk.application.port.ReportStore {
        private final InMemoryReportStore delegate;

        ForwardingStore(InMemoryReportStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean insertIfAbsent(Report report, AuditEntry firstEntry, java.time.Instant expiresAt) {
            return delegate.insertIfAbsent(report, firstEntry, expiresAt);
        }

        @Override
        public StoredReport replace(StoredReport before, Report after, AuditEntry entry, java.time.Instant expiresAt) {
            return delegate.replace(before, after, entry, expiresAt);
        }

        @Override
        public Optional<StoredReport> find(ReportId id) {
            return delegate.find(id);
        }

        @Override
        public List<StoredReport> findAll(java.util.Collection<ReportId> ids) {
            return delegate.findAll(ids);
        }

        @Override
        public dev.damagedesk.application.port.QueuePage queue(dev.damagedesk.application.port.QueueQuery query) {
            return delegate.queue(query);
        }

        @Override
        public ServicePage pageOfService(String incidentId, String service, java.util.Map<String, String> cursor,
                                         int limit) {
            return delegate.pageOfService(incidentId, service, cursor, limit);
        }
    }
}

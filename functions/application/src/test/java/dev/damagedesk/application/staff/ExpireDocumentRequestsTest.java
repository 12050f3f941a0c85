package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The document-deadline use case over the in-memory store and trail, at a fixed time. */
class ExpireDocumentRequestsTest {

    private static final Instant NOW = Instant.parse("2022-12-01T00:00:00Z");
    private static final Instant RECEIVED_AT = Instant.parse("2022-10-19T01:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));
    private static final Actor REVIEWER = Actor.staff("sub-7", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final Decision DOCUMENTS = new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review",
            "2022-10-15/v1", 0, 0, "Reviewed with documents.", "서류로 검토합니다.", 0, false, 0, true);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), clock);
    private final ExpireDocumentRequests expire = new ExpireDocumentRequests(store, changes, clock);
    private int nextId;

    @Test
    void movesAnOverdueRequestBackToAPersonWithAnEntryByTheSchedule() {
        StoredReport requested = requested(NOW.minus(Duration.ofDays(1)));

        ExpireDocumentRequests.Outcome outcome = expire.run(LATER);

        assertThat(outcome).isEqualTo(new ExpireDocumentRequests.Outcome(1, 1, 1, 0, true));
        StoredReport after = store.find(requested.report().id()).orElseThrow();
        assertThat(after.version()).isEqualTo(requested.version() + 1);
        assertThat(after.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(after.report().documentsDueBy()).isNull();
        assertThat(after.report().decision()).isEqualTo(requested.report().decision());
        AuditEntry entry = last(trail.entriesOf(requested.report().id()));
        assertThat(entry.sequence()).isEqualTo(after.version());
        assertThat(entry.action()).isEqualTo(AuditAction.DOCUMENTS_OVERDUE);
        assertThat(entry.actor()).isEqualTo(ExpireDocumentRequests.SCHEDULE);
        assertThat(entry.before().status()).isEqualTo(ReportStatus.NEEDS_DOCUMENTS);
        assertThat(entry.after().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(entry.detail()).contains("2022-11-30T00:00:00Z");
        assertThat(entry.previousHash()).isEqualTo(requested.lastEntry().hash());
    }

    @Test
    void leavesRequestsNotYetDueDueRightNowAndWithoutADeadline() {
        StoredReport tomorrow = requested(NOW.plus(Duration.ofDays(1)));
        StoredReport exactlyNow = requested(NOW);
        StoredReport triagedOnly = stored(ReportStatus.NEEDS_DOCUMENTS, null);

        ExpireDocumentRequests.Outcome outcome = expire.run(LATER);

        assertThat(outcome).isEqualTo(new ExpireDocumentRequests.Outcome(3, 0, 0, 0, true));
        for (StoredReport untouched : List.of(tomorrow, exactlyNow, triagedOnly)) {
            assertThat(store.find(untouched.report().id())).contains(untouched);
        }
    }

    @Test
    void aRepeatedRunChangesNothingMore() {
        StoredReport requested = requested(NOW.minus(Duration.ofMinutes(1)));
        expire.run(LATER);
        StoredReport afterFirst = store.find(requested.report().id()).orElseThrow();

        ExpireDocumentRequests.Outcome second = expire.run(LATER);

        assertThat(second).isEqualTo(new ExpireDocumentRequests.Outcome(0, 0, 0, 0, true));
        assertThat(store.find(requested.report().id())).contains(afterFirst);
        assertThat(trail.entriesOf(requested.report().id())).hasSize((int) afterFirst.version());
    }

    @Test
    void aReportChangedAfterItWasReadIsSkippedAndKeepsThatChange() {
        StoredReport requested = requested(NOW.minus(Duration.ofDays(2)));
        StoredReport other = requested(NOW.minus(Duration.ofDays(2)));
        // documents arrive and a reviewer takes the report up while the schedule is reading the queue
        ReportStore racing = new RacingStore(store, page -> changes.change(
                store.find(requested.report().id()).orElseThrow(),
                requested.report().movedTo(ReportStatus.NEEDS_REVIEW), REVIEWER, AuditAction.REOPENED,
                "Documents arrived by post", null));

        ExpireDocumentRequests.Outcome outcome = new ExpireDocumentRequests(racing, changes, clock).run(LATER);

        assertThat(outcome).isEqualTo(new ExpireDocumentRequests.Outcome(2, 2, 1, 1, true));
        AuditEntry reviewers = last(trail.entriesOf(requested.report().id()));
        assertThat(reviewers.actor()).isEqualTo(REVIEWER);
        assertThat(store.find(requested.report().id()).orElseThrow().version()).isEqualTo(requested.version() + 1);
        assertThat(last(trail.entriesOf(other.report().id())).action()).isEqualTo(AuditAction.DOCUMENTS_OVERDUE);
    }

    @Test
    void readsEveryPageOfTheQueueBeforeWritingSoNoReportIsPassedOver() {
        List<StoredReport> overdue = new ArrayList<>();
        for (int i = 0; i < 2 * ExpireDocumentRequests.PAGE_SIZE + 50; i++) {
            overdue.add(requested(NOW.minus(Duration.ofHours(1 + i % 5))));
            if (i % 10 == 0) {
                requested(NOW.plus(Duration.ofDays(3)));
            }
        }

        ExpireDocumentRequests.Outcome outcome = expire.run(LATER);

        assertThat(outcome.moved()).isEqualTo(overdue.size());
        assertThat(outcome.examined()).isEqualTo(overdue.size() + 25);
        assertThat(overdue).allSatisfy(report -> assertThat(store.find(report.report().id()).orElseThrow()
                .report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW));
    }

    @Test
    void aRunOutOfTimeStopsAndTheNextOneGoesOn() {
        StoredReport first = requested(NOW.minus(Duration.ofDays(1)));
        StoredReport second = requested(NOW.minus(Duration.ofDays(1)));

        ExpireDocumentRequests.Outcome outOfTime = expire.run(NOW);
        assertThat(outOfTime).isEqualTo(new ExpireDocumentRequests.Outcome(2, 2, 0, 0, false));
        assertThat(store.find(first.report().id())).contains(first);

        ExpireDocumentRequests.Outcome next = expire.run(LATER);
        assertThat(next).isEqualTo(new ExpireDocumentRequests.Outcome(2, 2, 2, 0, true));
        assertThat(store.find(second.report().id()).orElseThrow().report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
    }

    /** A report a reviewer asked documents of, due at {@code dueBy}: stored, then the request (version 2). */
    private StoredReport requested(Instant dueBy) {
        StoredReport review = stored(ReportStatus.NEEDS_REVIEW, null);
        Report asked = review.report().decided(ReportStatus.NEEDS_DOCUMENTS, DOCUMENTS, null, dueBy);
        return changes.change(review, asked, REVIEWER, AuditAction.DOCUMENTS_REQUESTED, "Sales records",
                dueBy.toString());
    }

    private StoredReport stored(ReportStatus status, Instant dueBy) {
        ReportId id = ReportId.newId(RECEIVED_AT.plusSeconds(nextId), new Random(nextId++));
        ReportSubmission submission = new ReportSubmission(new Reporter("Kim Minji", "minji@example.com", null, null),
                Language.KO, "taxi", Category.BUSINESS_LOSS, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 900_000L, "운행을 못 했습니다.", true);
        Report report = new Report(id, "2022-10-15", submission, RECEIVED_AT.plusSeconds(nextId), status, DOCUMENTS,
                "hash", null, null, null, dueBy, null);
        return changes.store(report, Actor.function("ProcessorFunction"), AuditAction.SCORED).report();
    }

    private static AuditEntry last(List<AuditEntry> entries) {
        return entries.get(entries.size() - 1);
    }

    /** A store whose first queue page is followed, before the caller gets it, by someone else's change. */
    private static final class RacingStore implements ReportStore {
        private final ReportStore inner;
        private Consumer<QueuePage> race;

        RacingStore(ReportStore inner, Consumer<QueuePage> race) {
            this.inner = inner;
            this.race = race;
        }

        @Override
        public QueuePage queue(QueueQuery query) {
            QueuePage page = inner.queue(query);
            if (race != null) {
                race.accept(page);
                race = null;
            }
            return page;
        }

        @Override
        public boolean insertIfAbsent(Report report, AuditEntry firstEntry, Instant expiresAt) {
            return inner.insertIfAbsent(report, firstEntry, expiresAt);
        }

        @Override
        public StoredReport replace(StoredReport before, Report after, AuditEntry entry, Instant expiresAt) {
            return inner.replace(before, after, entry, expiresAt);
        }

        @Override
        public Optional<StoredReport> find(ReportId id) {
            return inner.find(id);
        }

        @Override
        public List<StoredReport> findAll(Collection<ReportId> ids) {
            return inner.findAll(ids);
        }

        @Override
        public ServicePage pageOfService(String incidentId, String service, Map<String, String> cursor, int limit) {
            return inner.pageOfService(incidentId, service, cursor, limit);
        }
    }
}

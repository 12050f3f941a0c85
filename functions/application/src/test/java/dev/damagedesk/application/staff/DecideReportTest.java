package dev.damagedesk.application.staff;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.manualReview;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static dev.damagedesk.application.testing.UseCaseFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryMeasurements;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.application.testing.UseCaseFixtures.RecordingNotifications;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffDecisions;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecideReportTest {

    private static final String V1 = "2022-10-15/v1";
    private static final Actor VIEWER = Actor.staff("sub-v", "viewer@damagedesk.example", StaffRole.VIEWER);
    private static final Actor REVIEWER = Actor.staff("sub-r", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final Actor OTHER_REVIEWER = Actor.staff("sub-o", "other@damagedesk.example", StaffRole.REVIEWER);

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), CLOCK);
    private final RecordingNotifications notifications = new RecordingNotifications();
    private final InMemoryMeasurements measurements = new InMemoryMeasurements();
    private final DecideReport decide = new DecideReport(store, changes, new StaffDecisions(100_000),
            new FakeIncidents(policy(V1, version -> extension(version, 4230))), notifications, CLOCK, measurements);

    private StoredReport inReview(int n, Decision decision, ReportId duplicateOf) {
        Report report = received(id(n), music("r" + n + "@example.com")).triaged(new TriageResult(
                ReportStatus.NEEDS_REVIEW, duplicateOf == null ? TriageReason.MANUAL_REVIEW : TriageReason.DUPLICATE,
                decision, Set.of(), duplicateOf));
        return changes.store(report, ProcessReport.PROCESSOR, AuditAction.SCORED).report();
    }

    private static StaffDecision approve() {
        return new StaffDecision(StaffAction.APPROVE, null, null, null, null);
    }

    private static StaffDecision adjust(long amount) {
        return new StaffDecision(StaffAction.ADJUST, amount, "receipts", null, null);
    }

    @Test
    void aDecisionIsTheNextVersionWithTheStaffMembersEntryAndTheReporterIsTold() {
        StoredReport review = inReview(1, manualReview(V1), null);

        DecideReport.Result result = decide.decide(review.report().id(), 1, adjust(42_000), REVIEWER);

        assertThat(result).isInstanceOfSatisfying(DecideReport.Decided.class, decided -> {
            StoredReport written = decided.report();
            assertThat(written.version()).isEqualTo(2);
            assertThat(written.report().status()).isEqualTo(ReportStatus.APPROVED);
            assertThat(written.report().decision().amountKrw()).isEqualTo(42_000);
            AuditEntry entry = written.lastEntry();
            assertThat(entry.actor()).isEqualTo(REVIEWER);
            assertThat(entry.action()).isEqualTo(AuditAction.AMOUNT_ADJUSTED);
            assertThat(entry.reason()).isEqualTo("receipts");
            assertThat(entry.before().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
            assertThat(entry.after().amountKrw()).isEqualTo(42_000);
            assertThat(trail.entriesOf(review.report().id())).hasSize(2).last().isEqualTo(entry);
            assertThat(notifications.decided).containsExactly(written);
            assertThat(measurements.counts()).containsOnlyKeys("decided:" + written.report().decision().ruleId());
        });
    }

    @Test
    void aDecisionOnAStaleVersionIsRefusedAndWritesNothing() {
        StoredReport review = inReview(1, extension(V1, 4230), null);
        decide.decide(review.report().id(), 1, approve(), OTHER_REVIEWER);

        assertThatThrownBy(() -> decide.decide(review.report().id(), 1,
                new StaffDecision(StaffAction.REJECT, null, "not affected", null, null), REVIEWER))
                .isInstanceOfSatisfying(StaleReportException.class, stale -> {
                    assertThat(stale.expectedVersion()).isEqualTo(1);
                    assertThat(stale.reportId()).isEqualTo(review.report().id());
                });
        assertThatThrownBy(() -> decide.decide(review.report().id(), 3, approve(), REVIEWER))
                .isInstanceOf(StaleReportException.class);

        assertThat(store.find(review.report().id()).orElseThrow().report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(trail.entriesOf(review.report().id())).hasSize(2);
        assertThat(notifications.decided).hasSize(1);
        assertThat(measurements.counts().values()).containsExactly(1);
    }

    @Test
    void aRetryOfAWrittenDecisionAnswersItAgainAndQueuesTheEmailAgain() {
        StoredReport review = inReview(1, extension(V1, 4230), null);
        StoredReport first = ((DecideReport.Decided) decide.decide(review.report().id(), 1, approve(), REVIEWER)).report();

        DecideReport.Result retry = decide.decide(review.report().id(), 1, approve(), REVIEWER);

        assertThat(retry).isEqualTo(new DecideReport.Decided(first));
        assertThat(trail.entriesOf(review.report().id())).hasSize(2);
        assertThat(notifications.decided).containsExactly(first, first);
    }

    @Test
    void aDocumentRequestTellsTheReporterWhatIsNeededAndByWhen() {
        StoredReport review = inReview(1, manualReview(V1), null);
        Instant due = CLOCK.instant().plus(Duration.ofDays(14));

        decide.decide(review.report().id(), 1, new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null,
                " sales records of October ", due, null), REVIEWER);

        StoredReport waiting = store.find(review.report().id()).orElseThrow();
        assertThat(waiting.report().status()).isEqualTo(ReportStatus.NEEDS_DOCUMENTS);
        assertThat(waiting.report().documentsDueBy()).isEqualTo(due);
        assertThat(waiting.lastEntry().reason()).isEqualTo("sales records of October");
        assertThat(notifications.documentsRequested).containsExactly(waiting);
        assertThat(notifications.decided).isEmpty();
    }

    @Test
    void reopeningAndUnmarkingSendNoEmailAndUnmarkingRestoresTheActivePolicysDecision() {
        StoredReport duplicate = inReview(2, new Decision(Outcome.NO_PAYMENT, "duplicate.already-reported", V1, 0, 0,
                "dup", "중복"), id(1));

        DecideReport.Result unmarked = decide.decide(duplicate.report().id(), 1,
                new StaffDecision(StaffAction.UNMARK_DUPLICATE, null, "different accounts", null, null), REVIEWER);

        assertThat(unmarked).isInstanceOfSatisfying(DecideReport.Decided.class, decided -> {
            assertThat(decided.report().report().duplicateOf()).isNull();
            assertThat(decided.report().report().decision()).isEqualTo(extension(V1, 4230));
            assertThat(decided.report().lastEntry().action()).isEqualTo(AuditAction.UNMARKED_DUPLICATE);
            assertThat(decided.report().lastEntry().before().duplicateOf()).isEqualTo(id(1).value());
        });
        decide.decide(duplicate.report().id(), 2, approve(), REVIEWER);
        decide.decide(duplicate.report().id(), 3, new StaffDecision(StaffAction.REOPEN, null, "wrong person", null,
                null), REVIEWER);
        assertThat(store.find(duplicate.report().id()).orElseThrow().report().status())
                .isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(notifications.decided).hasSize(1);
    }

    @Test
    void fieldErrorsAnUnknownFirstReportAndAnUnknownReportWriteNothing() {
        StoredReport review = inReview(1, manualReview(V1), null);

        assertThat(decide.decide(review.report().id(), 1, new StaffDecision(StaffAction.REJECT, null, null, null, null),
                REVIEWER)).isInstanceOfSatisfying(DecideReport.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("reason"));
        assertThat(decide.decide(review.report().id(), 1, new StaffDecision(StaffAction.MARK_DUPLICATE, null, "same",
                null, id(77)), REVIEWER)).isInstanceOfSatisfying(DecideReport.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("duplicateOf"));
        assertThat(decide.decide(id(55), 1, approve(), REVIEWER)).isEqualTo(new DecideReport.NotFound(id(55)));

        assertThat(store.find(review.report().id()).orElseThrow().version()).isEqualTo(1);
        assertThat(trail.entriesOf(review.report().id())).hasSize(1);
        assertThat(notifications.decided).isEmpty();
    }

    @Test
    void theRoleTheLimitAndTheTransitionTableAreEnforced() {
        StoredReport review = inReview(1, manualReview(V1), null);
        ReportId id = review.report().id();

        assertThatThrownBy(() -> decide.decide(id, 1, adjust(1_000), VIEWER))
                .isInstanceOfSatisfying(StaffNotAllowedException.class,
                        e -> assertThat(e.why()).isEqualTo(StaffNotAllowedException.Why.FORBIDDEN));
        assertThatThrownBy(() -> decide.decide(id, 1, adjust(100_001), REVIEWER))
                .isInstanceOfSatisfying(StaffNotAllowedException.class,
                        e -> assertThat(e.why()).isEqualTo(StaffNotAllowedException.Why.OVER_DECISION_LIMIT));
        assertThatThrownBy(() -> decide.decide(id, 1, new StaffDecision(StaffAction.REOPEN, null, "again", null, null),
                REVIEWER)).isInstanceOf(IllegalTransitionException.class);

        assertThat(store.find(id).orElseThrow().version()).isEqualTo(1);
        assertThat(trail.entriesOf(id)).hasSize(1);
    }
}

package dev.damagedesk.deadlines.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.ExpireDocumentRequests;
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
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled function driven by an EventBridge event fixture, against the template's tables on the emulator. */
class DocumentDeadlineHandlerTest {

    private static final String EVENT = "events/hourly-schedule.json";
    /** The fixture's scheduled time. */
    private static final Instant NOW = Instant.parse("2022-12-01T00:00:00Z");
    private static final Actor REVIEWER = Actor.staff("sub-7", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final Decision DOCUMENTS = new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review",
            "2022-10-15/v1", 0, 0, "Reviewed with documents.", "서류로 검토합니다.", 0, false, 0, true);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("DocumentDeadlineFunction");
    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(cloud.aws().dynamoDb(), environment.get("AUDIT_TABLE"));
    private final DynamoDbReportStore store = new DynamoDbReportStore(cloud.aws().dynamoDb(),
            environment.get("REPORTS_TABLE"), trail);
    /** The reviewer asked a month before the run. */
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095),
            Clock.fixed(NOW.minus(Duration.ofDays(30)), ZoneOffset.UTC));

    @Test
    void snapStartWarmUpMovesNothing() {
        int items = cloud.aws().itemCount(environment.get("REPORTS_TABLE"));
        int entries = cloud.aws().itemCount(environment.get("AUDIT_TABLE"));

        handler().warmUp();

        assertThat(cloud.aws().itemCount(environment.get("REPORTS_TABLE"))).isEqualTo(items);
        assertThat(cloud.aws().itemCount(environment.get("AUDIT_TABLE"))).isEqualTo(entries);
    }

    @Test
    void movesARequestPastItsDeadlineBackToReviewAndLeavesOneNotYetDue() {
        StoredReport overdue = requested(NOW.minus(Duration.ofHours(1)));
        StoredReport notYetDue = requested(NOW.plus(Duration.ofDays(1)));

        Map<String, Object> answer = handler().handleRequest(event(), LocalContext.forTest("DocumentDeadlineFunction"));

        StoredReport moved = store.find(overdue.report().id()).orElseThrow();
        assertThat(moved.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(moved.version()).isEqualTo(overdue.version() + 1);
        assertThat(moved.report().documentsDueBy()).isNull();
        List<AuditEntry> entries = trail.entriesOf(overdue.report().id());
        AuditEntry last = entries.get(entries.size() - 1);
        assertThat(last.sequence()).isEqualTo(moved.version());
        assertThat(last.action()).isEqualTo(AuditAction.DOCUMENTS_OVERDUE);
        assertThat(last.actor()).isEqualTo(ExpireDocumentRequests.SCHEDULE);
        assertThat(store.find(notYetDue.report().id())).contains(notYetDue);
        assertThat((Integer) answer.get("moved")).isGreaterThanOrEqualTo(1);
        assertThat(answer).containsEntry("finished", true);
    }

    @Test
    void aRepeatedRunChangesNothingMore() {
        StoredReport overdue = requested(NOW.minus(Duration.ofDays(2)));
        DocumentDeadlineHandler handler = handler();
        handler.handleRequest(event(), LocalContext.forTest("DocumentDeadlineFunction"));
        StoredReport afterFirst = store.find(overdue.report().id()).orElseThrow();

        handler.handleRequest(event(), LocalContext.forTest("DocumentDeadlineFunction"));

        assertThat(store.find(overdue.report().id())).contains(afterFirst);
        assertThat(trail.entriesOf(overdue.report().id())).hasSize((int) afterFirst.version());
    }

    private DocumentDeadlineHandler handler() {
        return new DocumentDeadlineHandler(FunctionEnvironment.of(environment), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(EVENT);
    }

    /** A report in review, then a reviewer's document request due at {@code dueBy}. */
    private StoredReport requested(Instant dueBy) {
        ReportId id = ReportId.newId(Instant.now(), RANDOM);
        ReportSubmission submission = new ReportSubmission(new Reporter("Kim Minji", "minji@example.com", null, null),
                Language.KO, "taxi", Category.BUSINESS_LOSS, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 900_000L, "운행을 못 했습니다.", true);
        Report review = new Report(id, "2022-10-15", submission, Instant.parse("2022-10-19T01:00:00Z"),
                ReportStatus.NEEDS_REVIEW, DOCUMENTS, "hash");
        StoredReport stored = changes.store(review, Actor.function("ProcessorFunction"), AuditAction.SCORED).report();
        return changes.change(stored, review.decided(ReportStatus.NEEDS_DOCUMENTS, DOCUMENTS, null, dueBy), REVIEWER,
                AuditAction.DOCUMENTS_REQUESTED, "Sales records", dueBy.toString());
    }
}

package dev.damagedesk.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.privacy.ErasureReason;
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
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.FunctionLogger;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A notice carries its recipient's address, so one queued before the reporter's data was erased (or retried, or
 * redriven from the dead-letter queue after it) still holds it: the notifier checks the report and sends nothing.
 */
class ErasedReporterNoticeTest {

    private static final Actor SUPERVISOR = Actor.staff("sub-s", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);
    private static final String EVENT = "events/decision-notices-batch.json";

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("NotifierFunction");
    private final LocalMailbox mailbox = cloud.aws().mailbox();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(cloud.aws().dynamoDb(),
            cloud.resources().tableName("AuditTable"));
    private final DynamoDbReportStore store = new DynamoDbReportStore(cloud.aws().dynamoDb(), table, trail);
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), Clock.systemUTC());
    private final SecureRandom random = new SecureRandom();

    private ReportId stored(String email) {
        ReportId id = ReportId.newId(Instant.parse("2022-10-19T02:11:09Z"), random);
        ReportSubmission submission = new ReportSubmission(new Reporter("Lee Jun", email, null, null), Language.EN,
                "taxi", Category.BUSINESS_LOSS, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 30_000L, "No fares.", true);
        Report report = Report.received(id, "2022-10-15", submission, Instant.parse("2022-10-19T02:11:09Z"), "hash")
                .triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, new Decision(
                        Outcome.PAYMENT, "business-loss.band-300k", "2022-10-15/v1", 30_000, 0, "Paid.", "지급."),
                        Set.of(), null));
        changes.store(report, Actor.function("ProcessorFunction"), AuditAction.SCORED);
        return id;
    }

    /** The fixture's first decision notice, about {@code id} and addressed to {@code email}. */
    private static SQSEvent noticeAbout(ReportId id, String email) {
        SQSEvent.SQSMessage message = EventLoader.loadSQSEvent(EVENT).getRecords().get(0);
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(message.getBody().replace("01GFM4VB0C1D2E3F4G5H6J7K8M", id.value())
                .replace("jun.lee@example.com", email));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    @Test
    void aNoticeQueuedBeforeTheErasureIsNotSentAndNotRetried() {
        String erasedEmail = "erased." + Long.toHexString(random.nextLong()) + "@example.com";
        String keptEmail = "kept." + Long.toHexString(random.nextLong()) + "@example.com";
        ReportId erased = stored(erasedEmail);
        ReportId kept = stored(keptEmail);
        SQSEvent queuedBefore = noticeAbout(erased, erasedEmail);
        new EraseReporterData(store, changes, new DynamoDbDuplicateRegistry(cloud.aws().dynamoDb(), table,
                Duration.ofDays(1), Clock.systemUTC()), dev.damagedesk.domain.risk.IdentityKeys.ephemeral())
                .erase(erased, 1, ErasureReason.REQUEST, SUPERVISOR);

        SQSBatchResponse dropped = handler().handleRequest(queuedBefore, context());
        SQSBatchResponse sent = handler().handleRequest(noticeAbout(kept, keptEmail), context());

        assertThat(dropped.getBatchItemFailures()).as("nothing left to retry").isEmpty();
        assertThat(mailbox.sentTo(erasedEmail)).isEmpty();
        assertThat(cloud.aws().dynamoDb().getItem(get -> get.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("REPORT#" + erased.value()), "sk", AttributeValue.fromS("NOTICE#DECISION#4"))))
                .hasItem()).as("never claimed").isFalse();
        assertThat(sent.getBatchItemFailures()).isEmpty();
        assertThat(mailbox.sentTo(keptEmail)).as("a report not erased is told as before").hasSize(1);
    }

    @Test
    void aNoticeAddressedToTheMarkerIsNeverSent() {
        ReportId id = ReportId.newId(Instant.now(), random);

        SQSBatchResponse response = handler().handleRequest(noticeAbout(id, Reporter.ERASED), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mailbox.sentTo(Reporter.ERASED)).isEmpty();
    }

    private NotificationHandler handler() {
        return new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC());
    }

    private LocalContext context() {
        return new LocalContext(UUID.randomUUID().toString(), "NotifierFunction",
                "arn:aws:lambda:us-east-1:000000000000:function:NotifierFunction", "local/NotifierFunction", 1024,
                System.nanoTime() + Duration.ofSeconds(30).toNanos(), new FunctionLogger("NotifierFunction"));
    }
}

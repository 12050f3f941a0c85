package dev.damagedesk.adapters.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
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
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The notifications port on a real SQS queue (ElasticMQ): what the notifier will read is what the use case meant. */
class SqsNotificationsTest {

    private static final ReportId ID = ReportId.parse("01GFM4V8A1B2C3D4E5F6G7H8J9").orElseThrow();
    private static final Instant DECIDED_AT = Instant.parse("2022-10-25T01:00:00Z");
    private static final Decision DOCUMENTS = new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review",
            "2022-10-15/v1", 0, 0, "Losses above 500,000 KRW are reviewed with documents.",
            "50만 원을 넘는 손실은 증빙 서류로 검토합니다.", 0, false, 0, true);

    private final SqsClient sqs = SharedLocalCloud.get().aws().sqs();
    private final String queueUrl = sqs.createQueue(create -> create.queueName("sqs-notifications-" + UUID.randomUUID()))
            .queueUrl();
    private final SqsNotifications notifications = new SqsNotifications(new MessageQueue(sqs, queueUrl));

    @Test
    void queuesTheDecisionOfTheReportsLastEntryAtItsVersion() {
        notifications.decided(stored(ReportStatus.REJECTED, 3, AuditAction.REJECTED, 0, "No loss shown"));

        NoticeMessage notice = NoticeMessage.fromJson(single().body());
        assertThat(notice.type()).isEqualTo(NoticeMessage.DECISION);
        assertThat(notice.reportVersion()).isEqualTo(3);
        assertThat(notice.decided().action()).isEqualTo(AuditAction.REJECTED);
        assertThat(notice.decided().reason()).isEqualTo("No loss shown");
        assertThat(notice.decided().decidedAt()).isEqualTo(DECIDED_AT);
        assertThat(notice.language()).isEqualTo(Language.KO);
        assertThat(notice.recipientEmail()).isEqualTo("seoyeon@example.co.kr");
    }

    @Test
    void queuesADocumentRequestWithWhatIsNeededAndTheDeadline() {
        Instant deadline = Instant.parse("2022-11-30T14:59:00Z");
        notifications.documentsRequested(stored(ReportStatus.NEEDS_DOCUMENTS, 2, AuditAction.DOCUMENTS_REQUESTED, 0,
                "Sales records"), deadline, "Sales records of October");

        NoticeMessage notice = NoticeMessage.fromJson(single().body());
        assertThat(notice.type()).isEqualTo(NoticeMessage.DOCUMENTS_REQUESTED);
        assertThat(notice.ledgerKey()).isEqualTo("DOCUMENTS_REQUESTED#2");
        assertThat(notice.documents()).isEqualTo(
                new NoticeMessage.DocumentRequest(DECIDED_AT, deadline, "Sales records of October"));
    }

    @Test
    void queuesTheAcknowledgementUnderItsOneKeyPerReport() {
        notifications.acknowledge(stored(ReportStatus.NEEDS_DOCUMENTS, 1, AuditAction.SCORED, 0, null));

        NoticeMessage notice = NoticeMessage.fromJson(single().body());
        assertThat(notice.type()).isEqualTo(NoticeMessage.ACKNOWLEDGEMENT);
        assertThat(notice.ledgerKey()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(notice.decision()).isEqualTo(DOCUMENTS);
    }

    private Message single() {
        List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static StoredReport stored(ReportStatus status, long version, AuditAction action, long amountKrw, String reason) {
        ReportSubmission submission = new ReportSubmission(new Reporter("박서연", "seoyeon@example.co.kr", null, null),
                Language.KO, "taxi", Category.BUSINESS_LOSS, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 900_000L, "운행을 못 했습니다.", true);
        Report report = new Report(ID, "2022-10-15", submission, Instant.parse("2022-10-19T02:11:09Z"), status,
                DOCUMENTS, "hash");
        Actor actor = action == AuditAction.SCORED ? Actor.function("ProcessorFunction")
                : Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);
        AuditState after = new AuditState(status, Outcome.MANUAL_REVIEW, DOCUMENTS.ruleId(), DOCUMENTS.policyVersion(),
                amountKrw, 0, null);
        AuditEntry entry = new AuditEntry(ID, version, version == 1 ? Instant.parse("2022-10-19T02:11:10Z") : DECIDED_AT,
                actor, action, version == 1 ? null : after, after, reason, null, version == 1 ? "" : "prev", "hash");
        return new StoredReport(report, version, entry);
    }
}

package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Decision and document-request notices through the local runtime: queued on the template's NotificationQueue,
 * polled by its event source, sent by the notifier to the SES emulator; SQS delivering one twice sends one email.
 */
class NoticesIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Decision BAND = new Decision(Outcome.PAYMENT, "business-loss.band-300k", "2022-10-15/v1",
            30_000, 0, "A small business's loss up to 300,000 KRW is paid 30,000 KRW.",
            "소상공인의 30만 원 이하 손실에는 3만 원을 지급합니다.");

    private static LocalRuntimeUnderTest runtime;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        mailbox = runtime.cloud().aws().mailbox();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aDecisionQueuedTwiceIsEmailedOnceAndALaterDecisionAgain() {
        String email = "decision-" + UUID.randomUUID() + "@example.com";
        ReportId id = ReportId.newId(Instant.now(), new Random());
        NoticeMessage approved = decision(id, email, 3, AuditAction.APPROVED, null);
        send(approved);
        send(approved);

        SentEmail first = Eventually.await("the decision email", LIMIT, () -> mailbox.sentTo(email).stream().findFirst());
        assertThat(first.text()).contains("Decision: approved. You are paid 30,000 KRW.")
                .contains(runtime.cloud().functionEnvironment("NotifierFunction").get("MEDIATION_ROUTE_EN"));

        // a second decision (version 5) is told too; once the queue is empty, both duplicates were handled
        send(decision(id, email, 5, AuditAction.REJECTED, "No <b>loss</b> shown"));
        Eventually.await("the notification queue to be drained", LIMIT, () -> queueDepth() == 0 ? Optional.of(true)
                : Optional.empty());
        List<SentEmail> both = mailbox.sentTo(email);
        assertThat(both).hasSize(2);
        assertThat(both).filteredOn(sent -> sent.text().contains("not accepted")).singleElement()
                .satisfies(rejected -> assertThat(rejected.html()).contains("No &lt;b&gt;loss&lt;/b&gt; shown"));
    }

    @Test
    void aDocumentRequestSaysWhatAndByWhenInKoreanTime() {
        String email = "documents-" + UUID.randomUUID() + "@example.com";
        ReportId id = ReportId.newId(Instant.now(), new Random());
        send(new NoticeMessage(NoticeMessage.DOCUMENTS_REQUESTED, id, Instant.parse("2022-10-19T04:00:00Z"), Language.KO,
                "김민지", email, "taxi", ReportStatus.NEEDS_DOCUMENTS, BAND, 2, null,
                new NoticeMessage.DocumentRequest(Instant.parse("2022-10-25T02:00:00Z"),
                        Instant.parse("2022-11-30T14:59:00Z"), "사업자등록증")));

        SentEmail request = Eventually.await("the document request", LIMIT, () -> mailbox.sentTo(email).stream().findFirst());
        assertThat(request.text()).contains("필요한 서류: 사업자등록증").contains("2022년 11월 30일 (수) 23:59 (한국 시간, KST)");
    }

    private static NoticeMessage decision(ReportId id, String email, long version, AuditAction action, String reason) {
        return new NoticeMessage(NoticeMessage.DECISION, id, Instant.parse("2022-10-19T02:11:09Z"), Language.EN,
                "Lee Jun", email, "taxi", action == AuditAction.REJECTED ? ReportStatus.REJECTED : ReportStatus.APPROVED,
                BAND, version, new NoticeMessage.Decided(action, Instant.parse("2022-10-25T01:00:00Z"),
                action == AuditAction.REJECTED ? 0 : 30_000, 0, reason, null), null);
    }

    private static long queueDepth() {
        String queueUrl = runtime.cloud().resources().queueUrl("NotificationQueue");
        var attributes = runtime.cloud().aws().sqs().getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void send(NoticeMessage notice) {
        String queueUrl = runtime.cloud().resources().queueUrl("NotificationQueue");
        runtime.cloud().aws().sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody(notice.toJson()));
    }
}

package dev.damagedesk.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.FunctionLogger;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import dev.damagedesk.notifier.send.NoticeDelivery;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Decision and document-request notices driven by an SQS event fixture (whose last record is its first delivered
 * again), sent through the SES emulator and read back from its mailbox.
 */
class DecisionNoticeHandlerTest {

    private static final String EVENT = "events/decision-notices-batch.json";
    private static final Map<String, List<String>> LEDGER_KEYS = Map.of(
            "01GFM4VB0C1D2E3F4G5H6J7K8M", List.of("NOTICE#DECISION#4", "NOTICE#DECISION#6"),
            "01GFM4VC1D2E3F4G5H6J7K8M9N", List.of("NOTICE#DECISION#3"),
            "01GFM4VD2E3F4G5H6J7K8M9N0P", List.of("NOTICE#DOCUMENTS_REQUESTED#2"));

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("NotifierFunction");
    private final LocalMailbox mailbox = cloud.aws().mailbox();
    private final String table = cloud.resources().tableName("ReportsTable");

    @BeforeEach
    void noNoticesSentYet() {
        mailbox.clear();
        LEDGER_KEYS.forEach((id, keys) -> keys.forEach(key -> cloud.aws().dynamoDb().deleteItem(delete -> delete
                .tableName(table).key(Map.of("pk", AttributeValue.fromS("REPORT#" + id), "sk", AttributeValue.fromS(key))))));
    }

    @Test
    void tellsEachDecisionInTheReportersLanguageWithHowMuchWhyAndHowToDisputeIt() {
        SQSBatchResponse response = handler().handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        SentEmail adjusted = single(mailbox.sentTo("jun.lee@example.com"));
        assertThat(adjusted.from()).isEqualTo(environment.get("SENDER_EMAIL"));
        assertThat(adjusted.subject()).contains("decision").contains("01GFM4VB0C1D2E3F4G5H6J7K8M");
        assertThat(adjusted.text())
                .contains("approved with an adjusted amount. You are paid 45,000 KRW.")
                .contains("gave automatically was 30,000 KRW")
                .contains("A small business's loss up to 300,000 KRW is paid 30,000 KRW.")
                .contains("Receipts <script>alert(1)</script> checked & the fee days counted")
                .contains(environment.get("MEDIATION_ROUTE_EN"));
        assertThat(adjusted.html())
                .contains("Receipts &lt;script&gt;alert(1)&lt;/script&gt; checked &amp; the fee days counted")
                .contains("Lee &lt;b&gt;Jun&lt;/b&gt;")
                .doesNotContain("<script>").doesNotContain("<b>Jun</b>");

        SentEmail rejected = single(mailbox.sentTo("seoyeon@example.co.kr"));
        assertThat(rejected.subject()).contains("결정 안내");
        assertThat(rejected.text())
                .contains("보상 요청을 받아들이지 않았습니다")
                .contains("무료 서비스에서 잃은 금액은 10만 원까지 돌려 드립니다")
                .contains("담당자 의견: 결제 내역이 장애 시간 밖입니다")
                .contains(environment.get("MEDIATION_ROUTE_KO"));
        assertThat(rejected.html()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void asksForDocumentsWithWhatIsNeededAndTheDeadlineInKoreanTime() {
        handler().handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        SentEmail request = single(mailbox.sentTo("minji@example.com"));
        assertThat(request.subject()).contains("증빙 서류").contains("01GFM4VD2E3F4G5H6J7K8M9N0P");
        assertThat(request.text())
                .contains("필요한 서류: 사업자등록증, 10월 둘째 주 매출 내역")
                // 14:59 UTC is 23:59 in Seoul
                .contains("제출 기한: 2022년 11월 30일 (수) 23:59 (한국 시간, KST)")
                .contains("자동 거절되지는 않습니다");
        assertThat(request.html()).contains("&lt;a href=&quot;http://evil.example&quot;&gt;").doesNotContain("<a ");
    }

    @Test
    void aNoticeDeliveredTwiceInOneBatchOrAgainLaterIsSentOnce() {
        NotificationHandler handler = handler();
        SQSBatchResponse first = handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());
        SQSBatchResponse again = handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        // four records, the first twice in the batch, the batch twice: three notices, three emails
        assertThat(mailbox.all()).hasSize(3);
        assertThat(mailbox.sentTo("jun.lee@example.com")).hasSize(1);
    }

    @Test
    void aLaterDecisionOnTheSameReportIsAnotherNotice() {
        NotificationHandler handler = handler();
        handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        SQSEvent.SQSMessage reopened = EventLoader.loadSQSEvent(EVENT).getRecords().get(0);
        reopened.setMessageId(UUID.randomUUID().toString());
        reopened.setBody(reopened.getBody().replace("\"reportVersion\": 4", "\"reportVersion\": 6")
                .replace("\"AMOUNT_ADJUSTED\"", "\"REOPENED\""));
        SQSEvent later = new SQSEvent();
        later.setRecords(List.of(reopened));
        assertThat(handler.handleRequest(later, context()).getBatchItemFailures()).isEmpty();

        List<SentEmail> toJun = mailbox.sentTo("jun.lee@example.com");
        assertThat(toJun).hasSize(2);
        assertThat(toJun).anySatisfy(email -> assertThat(email.text()).contains("being reviewed again")
                .doesNotContain(environment.get("MEDIATION_ROUTE_EN")));
    }

    @Test
    void logsNoPersonalDataAndNothingStaffTyped() {
        String logged;
        try (CapturedOutput output = CapturedOutput.start()) {
            handler().handleRequest(EventLoader.loadSQSEvent(EVENT), context());
            logged = String.join("\n", output.lines());
        }

        assertThat(logged).contains("5b1d0e7a-2c4f-4e61-9a13-0f2e3d4c5b6a");
        assertThat(logged).doesNotContain("jun.lee@example.com", "seoyeon", "minji", "Lee", "박서연", "김민지",
                "Receipts", "결제 내역", "사업자등록증");
    }

    @Test
    void aFailedSendIsLoggedByItsKindNotBySesMessageWhichQuotesTheAddress() throws IOException {
        Map<String, String> sesDown = new java.util.HashMap<>(environment);
        sesDown.put("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:" + closedPort());

        SQSBatchResponse failed;
        String logged;
        try (CapturedOutput output = CapturedOutput.start()) {
            failed = new NotificationHandler(FunctionEnvironment.of(sesDown), Clock.systemUTC())
                    .handleRequest(EventLoader.loadSQSEvent(EVENT), context());
            logged = String.join("\n", output.lines());
        }

        assertThat(failed.getBatchItemFailures()).hasSize(4);
        assertThat(logged).contains("01GFM4VB0C1D2E3F4G5H6J7K8M DECISION#4 not sent: SdkClientException");
        assertThat(logged).doesNotContain("jun.lee@example.com", "seoyeon", "minji");
        var rejected = SesV2Exception.builder()
                .message("Email address is not verified: jun.lee@example.com")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected").build())
                .statusCode(400).build();
        assertThat(NoticeDelivery.NotSentException.kindOf(rejected)).isEqualTo("SesV2Exception (MessageRejected, HTTP 400)");
    }

    /** A loopback port nothing listens on: SES calls fail with a connection error, as in an outage. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private NotificationHandler handler() {
        return new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC());
    }

    private LocalContext context() {
        return new LocalContext(UUID.randomUUID().toString(), "NotifierFunction",
                "arn:aws:lambda:us-east-1:000000000000:function:NotifierFunction", "local/NotifierFunction", 1024,
                System.nanoTime() + Duration.ofSeconds(30).toNanos(),
                new FunctionLogger("NotifierFunction"));
    }

    private static SentEmail single(List<SentEmail> emails) {
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }
}

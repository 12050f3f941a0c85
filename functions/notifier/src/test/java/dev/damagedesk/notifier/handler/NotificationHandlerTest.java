package dev.damagedesk.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The notifier driven by an SQS event fixture, sending through the SES emulator and reading its mailbox. */
class NotificationHandlerTest {

    private static final String EVENT = "events/notification-queue-batch.json";
    private static final List<String> REPORTS = List.of("01GFM4V7Q2S8W3N5K6P9R0T1X2", "01GFM4V8A1B2C3D4E5F6G7H8J9");

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("NotifierFunction");
    private final LocalMailbox mailbox = cloud.aws().mailbox();
    private final String table = cloud.resources().tableName("ReportsTable");

    @BeforeEach
    void noNoticesSentYet() {
        mailbox.clear();
        for (String id : REPORTS) {
            cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("REPORT#" + id), "sk", AttributeValue.fromS("NOTICE#ACKNOWLEDGEMENT"))));
        }
    }

    @Test
    void snapStartWarmUpSendsNoEmailAndWritesNothing() {
        int items = cloud.aws().itemCount(table);

        handler(environment).warmUp();

        assertThat(mailbox.all()).isEmpty();
        assertThat(cloud.aws().itemCount(table)).isEqualTo(items);
    }

    @Test
    void sendsEachAcknowledgementInTheReportersLanguageWithWhatTheyTypedEscaped() {
        SQSBatchResponse response = handler(environment).handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        SentEmail english = single(mailbox.sentTo("jun.lee@example.com"));
        assertThat(english.from()).isEqualTo(environment.get("SENDER_EMAIL"));
        assertThat(english.subject()).contains("01GFM4V7Q2S8W3N5K6P9R0T1X2");
        assertThat(english.text()).contains("70 h 30 min").contains("tracking number").contains("within 7 days");
        assertThat(english.html()).contains("Lee &lt;b&gt;Jun&lt;/b&gt;").doesNotContain("<b>Jun</b>");

        SentEmail korean = single(mailbox.sentTo("seoyeon@example.co.kr"));
        assertThat(korean.subject()).contains("접수되었습니다");
        assertThat(korean.text()).contains("14일");
    }

    @Test
    void aSecondDeliveryOfTheSameNoticesSendsNothingMore() {
        NotificationHandler handler = handler(environment);
        handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());
        SQSBatchResponse again = handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(mailbox.all()).hasSize(2);
    }

    @Test
    void aFailedSendIsRetriedNotDroppedAndSentOnceSesRecovers() throws IOException {
        Map<String, String> sesDown = new HashMap<>(environment);
        sesDown.put("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:" + closedPort());

        List<Map<String, Object>> deferred;
        List<Map<String, Object>> sent;
        try (CapturedOutput output = CapturedOutput.start()) {
            SQSBatchResponse failed = handler(sesDown).handleRequest(EventLoader.loadSQSEvent(EVENT), context());
            assertThat(failed.getBatchItemFailures()).hasSize(2);
            assertThat(mailbox.all()).isEmpty();
            deferred = output.metricDocuments();
        }
        try (CapturedOutput output = CapturedOutput.start()) {
            SQSBatchResponse retried = handler(environment).handleRequest(EventLoader.loadSQSEvent(EVENT), context());
            assertThat(retried.getBatchItemFailures()).isEmpty();
            assertThat(mailbox.all()).hasSize(2);
            sent = output.metricDocuments();
        }

        assertThat(deferred).singleElement().satisfies(document -> {
            assertThat(CapturedOutput.directive(document)).containsEntry("Namespace", "DamageDesk")
                    .containsEntry("Metrics", List.of(Map.of("Name", "EmailsDeferred", "Unit", "Count")));
            assertThat(document).containsEntry("EmailsDeferred", List.of(1.0, 1.0));
        });
        assertThat(sent).singleElement().satisfies(document -> {
            assertThat(CapturedOutput.directive(document))
                    .containsEntry("Metrics", List.of(Map.of("Name", "EmailsSent", "Unit", "Count")));
            assertThat(document).containsEntry("EmailsSent", List.of(1.0, 1.0)).containsEntry("Service", "damagedesk");
        });
    }

    private static NotificationHandler handler(Map<String, String> environment) {
        return new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC());
    }

    private static LocalContext context() {
        return LocalContext.forTest("NotifierFunction");
    }

    private static SentEmail single(List<SentEmail> emails) {
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }

    /** A loopback port nothing listens on: SES calls fail with a connection error, as in an outage. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

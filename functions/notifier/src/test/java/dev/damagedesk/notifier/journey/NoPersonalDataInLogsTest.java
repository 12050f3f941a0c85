package dev.damagedesk.notifier.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.intake.handler.ReportApiHandler;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.notifier.handler.NotificationHandler;
import dev.damagedesk.processor.handler.ReportProcessorHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One report with distinctive personal data goes through the real handlers as Lambda would run them (public
 * constructors, configuration from the environment the template gives each function): the intake accepts it and
 * refuses a variant, the processor stores it, the notifier emails the reporter. Every line they write is captured, as
 * CloudWatch Logs would receive it: none may carry the reporter's name, email, phone, account or words; the ids
 * that make the lines useful must be there.
 */
class NoPersonalDataInLogsTest {

    private static final String NAME = "Zebulon Quixwright";
    private static final String KOREAN_NAME = "황보세린";
    private static final String EMAIL = "zebulon.quixwright@privacy-probe.example";
    private static final String PHONE = "010-9876-5432";
    private static final String ACCOUNT = "acct-QX-771903";
    private static final String STORY = "The Quixwright family playlist stalled during the Saturday recital";
    private static final List<String> PERSONAL = List.of("Zebulon", "Quixwright", KOREAN_NAME, EMAIL, "privacy-probe",
            PHONE, "9876-5432", ACCOUNT, "QX-771903", STORY, "recital");

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String intakeQueue = cloud.resources().queueUrl("IntakeQueue");
    private final String notificationQueue = cloud.resources().queueUrl("NotificationQueue");
    private final Map<String, String> previous = new HashMap<>();

    @BeforeEach
    void configureTheFunctionsAsLambdaWould() {
        // The public constructors read the environment, then system properties: the local runtime's way too.
        Map<String, String> merged = new HashMap<>();
        for (String function : List.of("IntakeFunction", "ProcessorFunction", "NotifierFunction")) {
            cloud.functionEnvironment(function).forEach((name, value) -> {
                String other = merged.putIfAbsent(name, value);
                assertThat(other == null || other.equals(value)).as("%s is the same for every function", name).isTrue();
            });
        }
        merged.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        cloud.aws().sqs().purgeQueue(purge -> purge.queueUrl(intakeQueue));
        cloud.aws().sqs().purgeQueue(purge -> purge.queueUrl(notificationQueue));
        cloud.aws().mailbox().clear();
    }

    @AfterEach
    void restoreTheProperties() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aReportsJourneyIsLoggedByItsIdsAndNeverByWhatTheReporterTyped() {
        ReportApiHandler intake = new ReportApiHandler();
        ReportProcessorHandler processor = new ReportProcessorHandler();
        NotificationHandler notifier = new NotificationHandler();
        String reportId;
        List<String> lines;
        List<Map<String, Object>> events;
        try (CapturedOutput output = CapturedOutput.start()) {
            APIGatewayV2HTTPResponse refused = intake.handleRequest(submit(submission(EMAIL + " (" + NAME + ")")),
                    LocalContext.forTest("IntakeFunction"));
            assertThat(refused.getStatusCode()).isEqualTo(400);
            APIGatewayV2HTTPResponse accepted = intake.handleRequest(submit(submission(EMAIL)),
                    LocalContext.forTest("IntakeFunction"));
            assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
            reportId = (String) Json.parseObject(accepted.getBody()).get("reportId");

            assertThat(processor.handleRequest(received(intakeQueue, 1), LocalContext.forTest("ProcessorFunction"))
                    .getBatchItemFailures()).isEmpty();
            assertThat(notifier.handleRequest(received(notificationQueue, 1), LocalContext.forTest("NotifierFunction"))
                    .getBatchItemFailures()).isEmpty();
            lines = output.lines();
            events = output.logEvents();
        }

        assertThat(cloud.aws().mailbox().sentTo(EMAIL)).as("the journey reached the reporter").hasSize(1);
        for (String line : lines) {
            for (String personal : PERSONAL) {
                assertThat(line.toLowerCase(Locale.ROOT)).as("a log line").doesNotContain(personal.toLowerCase(Locale.ROOT));
            }
        }
        assertThat(events).extracting(event -> event.get("function_name")).contains("IntakeFunction",
                "ProcessorFunction", "NotifierFunction");
        assertThat(events).allSatisfy(event -> assertThat(event).containsKeys("function_request_id", "cold_start",
                "service", "level", "message"));
        assertThat(events).filteredOn(event -> reportId.equals(event.get("reportId")))
                .extracting(event -> event.get("function_name"))
                .contains("IntakeFunction", "ProcessorFunction", "NotifierFunction");
        assertThat(events).filteredOn(event -> Objects.equals(event.get("function_name"), "ProcessorFunction"))
                .anySatisfy(event -> assertThat(event.get("messageId")).isNotNull());
    }

    private static String submission(String email) {
        return Json.write(Map.of(
                "reporter", Map.of("name", NAME + " " + KOREAN_NAME, "email", email, "phone", PHONE, "accountRef", ACCOUNT),
                "locale", "en",
                "service", "music",
                "category", "paid-subscription",
                "occurredFrom", "2022-10-15T15:30:00+09:00",
                "occurredTo", "2022-10-16T15:00:00+09:00",
                "amountClaimedKrw", 10900,
                "description", STORY,
                "privacyConsent", true));
    }

    private static APIGatewayV2HTTPEvent submit(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /v1/reports");
        event.setRawPath("/v1/reports");
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body);
        return event;
    }

    private SQSEvent received(String queueUrl, int expected) {
        List<Message> messages = cloud.aws().sqs().receiveMessage(receive -> receive.queueUrl(queueUrl)
                .maxNumberOfMessages(10).waitTimeSeconds(2).visibilityTimeout(60)).messages();
        assertThat(messages).hasSize(expected);
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            return record;
        }).toList());
        return event;
    }
}

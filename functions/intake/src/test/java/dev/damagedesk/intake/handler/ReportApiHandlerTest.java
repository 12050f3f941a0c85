package dev.damagedesk.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.intake.submit.RequestBody;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intake handler driven by API Gateway payload 2.0 event fixtures, against the emulators: real SQS and
 * DynamoDB calls, nothing mocked.
 */
class ReportApiHandlerTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("IntakeFunction");
    private final ReportApiHandler handler = new ReportApiHandler(FunctionEnvironment.of(environment), Clock.systemUTC());
    private final String queueUrl = cloud.resources().queueUrl("IntakeQueue");

    @BeforeEach
    void emptyIntakeQueue() {
        cloud.aws().sqs().purgeQueue(purge -> purge.queueUrl(queueUrl));
    }

    @Test
    void acceptedReportIsQueuedWithItsIdAndATokenThatIsNotStoredInTheMessage() {
        APIGatewayV2HTTPResponse response = handle(EventLoader.loadApiGatewayHttpEvent("events/submit-report.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        Map<String, Object> body = Json.parseObject(response.getBody());
        assertThat(body.get("status")).isEqualTo("RECEIVED");
        assertThat((String) body.get("reportId")).hasSize(26);
        assertThat(response.getHeaders()).containsEntry("Location", "/v1/reports/" + body.get("reportId"));
        assertThat(((Number) body.get("expectedProcessingSeconds")).longValue()).isPositive();
        String token = (String) body.get("trackingToken");

        List<Message> queued = receiveAll();
        assertThat(queued).hasSize(1);
        Map<String, Object> message = Json.parseObject(queued.get(0).body());
        assertThat(message.get("reportId")).isEqualTo(body.get("reportId"));
        assertThat(queued.get(0).body()).doesNotContain(token);
        assertThat(message.get("tokenHash")).isEqualTo(dev.damagedesk.domain.identity.TrackingTokens.hash(token));
    }

    @Test
    void theSurgeControllersPublishedExpectedProcessingTimeIsQuotedInThe202AndTheStatusOfAQueuedReport() {
        new DynamoDbSurgeStates(cloud.aws().dynamoDb(), environment.get("REPORTS_TABLE")).publish(new SurgeState(
                SurgeMode.SURGE, Instant.now().minusSeconds(300), Duration.ofSeconds(1_260), Instant.now()));
        ReportApiHandler quoting = new ReportApiHandler(FunctionEnvironment.of(environment), Clock.systemUTC());

        APIGatewayV2HTTPResponse accepted = quoting.handleRequest(submitEvent(), LocalContext.forTest("IntakeFunction"));

        Map<String, Object> body = Json.parseObject(accepted.getBody());
        assertThat(((Number) body.get("expectedProcessingSeconds")).longValue()).isEqualTo(1_260);
        APIGatewayV2HTTPEvent lookup = APIGatewayV2HTTPEvent.builder().withRouteKey(ReportApiHandler.STATUS_ROUTE)
                .withHeaders(Map.of("x-tracking-token", (String) body.get("trackingToken")))
                .withPathParameters(Map.of("reportId", (String) body.get("reportId"))).build();
        Map<String, Object> status = Json.parseObject(quoting.handleRequest(lookup,
                LocalContext.forTest("IntakeFunction")).getBody());
        assertThat(status).containsEntry("status", "RECEIVED");
        assertThat(((Number) status.get("expectedProcessingSeconds")).longValue()).isEqualTo(1_260);
    }

    @Test
    void snapStartWarmUpAnswersBothRoutesFromTheTablesAndWritesNothing() {
        int itemsBefore = reportsTableItems();

        List<APIGatewayV2HTTPResponse> answers = handler.warmUp();

        // The rejection names the field only a parser with the incident's ledger (read from DynamoDB) gets to.
        assertThat(answers.get(0).getStatusCode()).isEqualTo(400);
        assertThat(answers.get(0).getBody()).contains("privacyConsent").doesNotContain("Warm-up");
        // Looked up in the table, not found, and quoted from the queue's depth: a report still queued.
        assertThat(answers.get(1).getStatusCode()).isEqualTo(200);
        assertThat(Json.parseObject(answers.get(1).getBody())).containsEntry("status", "RECEIVED")
                .containsKey("expectedProcessingSeconds");
        assertThat(receiveAll()).isEmpty();
        assertThat(reportsTableItems()).isEqualTo(itemsBefore);
    }

    private int reportsTableItems() {
        return cloud.aws().itemCount(environment.get("REPORTS_TABLE"));
    }

    @Test
    void base64EncodedBodiesAreDecodedAsApiGatewaySendsThem() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/submit-report-base64.json");
        String json = EventLoader.loadApiGatewayHttpEvent("events/submit-report.json").getBody();
        event.setBody(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(handle(event).getStatusCode()).isEqualTo(202);
        assertThat(receiveAll()).hasSize(1);
    }

    /**
     * Every text at its limit, every character an emoji written as the escaped surrogate pair a client's JSON library
     * may send ({@code \uD83D\uDE21}, 12 bytes for one character): the longest encoding of the longest valid report
     * fits the body limit and is accepted. A 4,000-emoji description alone is 48,000 bytes.
     */
    @Test
    void theLongestValidReportInItsLongestEncodingIsAccepted() {
        String emoji = "\\uD83D\\uDE21";
        String digits = "\\u0030".repeat(SubmissionParser.MAX_PHONE_LENGTH);
        String body = "{\"reporter\":{\"name\":\"" + emoji.repeat(SubmissionParser.MAX_NAME_LENGTH)
                + "\",\"email\":\"" + emoji.repeat(SubmissionParser.MAX_EMAIL_LENGTH - 6) + "@b.com\",\"phone\":\""
                + digits.substring(0, digits.length() - 6 * 17) + "\\u0020".repeat(17)
                + "\",\"accountRef\":\"" + emoji.repeat(SubmissionParser.MAX_ACCOUNT_REF_LENGTH)
                + "\"},\"locale\":\"ko\",\"service\":\"music\",\"category\":\"paid-subscription\","
                + "\"occurredFrom\":\"2022-10-15T15:30:00+09:00\",\"occurredTo\":\"2022-10-16T15:00:00+09:00\","
                + "\"amountClaimedKrw\":10000000000,\"description\":\"" + emoji.repeat(SubmissionParser.MAX_DESCRIPTION_LENGTH)
                + "\",\"privacyConsent\":true}";
        APIGatewayV2HTTPEvent event = submitEvent();
        event.setBody(body);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(48_000).isLessThan(RequestBody.MAX_BYTES);

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(receiveAll()).hasSize(1);
    }

    @Test
    void theAnswersInstantsHaveExactlyThreeFractionDigits() {
        Map<String, Object> accepted = Json.parseObject(handle(submitEvent()).getBody());
        Map<String, Object> status = Json.parseObject(handle(statusEvent((String) accepted.get("reportId"),
                (String) accepted.get("trackingToken"))).getBody());

        assertThat((String) accepted.get("receivedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(status.get("receivedAt")).isEqualTo(accepted.get("receivedAt"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameReportAndQueuesNothingNew() {
        String key = "retry-" + UUID.randomUUID();
        APIGatewayV2HTTPResponse first = handle(withHeader(submitEvent(), "Idempotency-Key", key));
        APIGatewayV2HTTPResponse retry = handle(withHeader(submitEvent(), "Idempotency-Key", key));

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        Map<String, Object> firstBody = Json.parseObject(first.getBody());
        Map<String, Object> retryBody = Json.parseObject(retry.getBody());
        assertThat(retryBody.get("reportId")).isEqualTo(firstBody.get("reportId"));
        assertThat(retryBody.get("trackingToken")).isEqualTo(firstBody.get("trackingToken"));
        assertThat(receiveAll()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsAConflict() {
        String key = "conflict-" + UUID.randomUUID();
        handle(withHeader(submitEvent(), "Idempotency-Key", key));
        APIGatewayV2HTTPEvent other = withHeader(submitEvent(), "Idempotency-Key", key);
        other.setBody(other.getBody().replace("music", "webtoon"));

        APIGatewayV2HTTPResponse response = handle(other);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(errorCodes(response)).containsExactly("idempotency_key_reused");
        assertThat(receiveAll()).hasSize(1);
    }

    @Test
    void invalidReportsAreAnsweredInTheReportersLanguageAndNothingIsQueued() {
        APIGatewayV2HTTPEvent event = submitEvent();
        event.setBody(event.getBody().replace("minji.kim@example.com", "not-an-address").replace("true}", "false}"));

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errorCodes(response)).containsExactlyInAnyOrder("invalid_format", "must_be_true");
        assertThat(response.getBody()).contains("reporter.email").contains("privacyConsent");
        assertThat(errorMessages(response)).allSatisfy(message -> assertThat(message).containsPattern("[가-힣]"));
        assertThat(receiveAll()).isEmpty();
    }

    @Test
    void aQueueThatCannotTakeTheReportGivesA503WithRetryAfterNeverA202() {
        Map<String, String> broken = new HashMap<>(environment);
        broken.put("INTAKE_QUEUE_URL", queueUrl.replace("IntakeQueue", "NoSuchQueue"));
        ReportApiHandler withoutQueue = new ReportApiHandler(FunctionEnvironment.of(broken), Clock.systemUTC());

        APIGatewayV2HTTPResponse response = withoutQueue.handleRequest(submitEvent(), LocalContext.forTest("IntakeFunction"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", dev.damagedesk.adapters.lambda.HttpAnswers.RETRY_AFTER_SECONDS);
        assertThat(errorCodes(response)).containsExactly("temporarily_unavailable");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void aReportWhoseCharactersSqsRefusesIsA400NotA503BecauseRetryingCannotHelp() {
        APIGatewayV2HTTPEvent event = submitEvent();
        event.setBody(event.getBody().replace("\"description\":\"", "\"description\":\"\\ufffe "));
        assertThat(event.getBody()).contains("\\ufffe");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
        assertThat(errorCodes(response)).containsExactly("invalid_characters");
        assertThat(errorFields(response)).as("named by the parser, before SQS sees it").containsExactly("description");
        assertThat(receiveAll()).isEmpty();
    }

    @Test
    void anEmailAddressWithATextDirectionOverrideIsRefusedWithAFieldError() {
        APIGatewayV2HTTPEvent event = submitEvent();
        Object email = ((Map<?, ?>) Json.parseObject(event.getBody()).get("reporter")).get("email");
        String spoofed = "minji@\\u202Eelpmaxe.com";
        event.setBody(event.getBody().replace("\"" + email + "\"", "\"" + spoofed + "\""));
        assertThat(event.getBody()).contains(spoofed);

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("reporter.email");
        assertThat(errorCodes(response)).containsExactly("invalid_characters");
        assertThat(receiveAll()).isEmpty();
    }

    @Test
    void aQueuedReportIsVisibleToItsTokenAndToNobodyElse() {
        Map<String, Object> accepted = Json.parseObject(handle(submitEvent()).getBody());
        String id = (String) accepted.get("reportId");
        String token = (String) accepted.get("trackingToken");

        APIGatewayV2HTTPResponse own = handle(statusEvent(id, token));
        APIGatewayV2HTTPResponse wrongToken = handle(statusEvent(id, token.substring(1) + "A"));
        APIGatewayV2HTTPResponse noToken = handle(statusEvent(id, null));
        APIGatewayV2HTTPResponse unknownId = handle(statusEvent("01GFM4V7Q2S8W3N5K6P9R0T1X2", token));

        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(Json.parseObject(own.getBody())).containsEntry("status", "RECEIVED").containsEntry("reportId", id);
        for (APIGatewayV2HTTPResponse hidden : List.of(wrongToken, noToken, unknownId)) {
            assertThat(hidden.getStatusCode()).isEqualTo(404);
            assertThat(hidden.getBody()).isEqualTo(unknownId.getBody());
        }
    }

    @Test
    void eachReportIsCountedOnceAsAcceptedOrRefusedByReasonInTheEmbeddedMetricFormat() {
        String key = "metrics-" + UUID.randomUUID();
        APIGatewayV2HTTPEvent conflicting = withHeader(submitEvent(), "Idempotency-Key", key);
        conflicting.setBody(conflicting.getBody().replace("music", "webtoon"));
        APIGatewayV2HTTPEvent invalid = submitEvent();
        invalid.setBody(invalid.getBody().replace("minji.kim@example.com", "not-an-address").replace("true}", "false}"));
        List<Map<String, Object>> accepted;
        List<Map<String, Object>> refused;
        try (CapturedOutput output = CapturedOutput.start()) {
            assertThat(handle(withHeader(submitEvent(), "Idempotency-Key", key)).getStatusCode()).isEqualTo(202);
            // the client's retry gets the same report: not another one accepted
            assertThat(handle(withHeader(submitEvent(), "Idempotency-Key", key)).getStatusCode()).isEqualTo(202);
            assertThat(handle(conflicting).getStatusCode()).isEqualTo(409);
            assertThat(handle(invalid).getStatusCode()).isEqualTo(400);
            accepted = output.metricDocuments("ReportsAccepted");
            refused = output.metricDocuments("ReportsRefused");
        }

        assertThat(accepted).singleElement().satisfies(document -> {
            assertThat(CapturedOutput.directive(document)).containsEntry("Namespace", "DamageDesk")
                    .containsEntry("Dimensions", List.of(List.of("Service")))
                    .containsEntry("Metrics", List.of(Map.of("Name", "ReportsAccepted", "Unit", "Count")));
            assertThat(document).containsEntry("ReportsAccepted", 1.0).containsEntry("Service", "damagedesk");
        });
        assertThat(refused).extracting(document -> document.get("Reason"))
                .containsExactlyInAnyOrder("idempotency_key_reused", "invalid_format", "must_be_true");
        assertThat(refused).allSatisfy(document -> {
            assertThat(CapturedOutput.directive(document)).containsEntry("Namespace", "DamageDesk")
                    .containsEntry("Dimensions", List.of(List.of("Service", "Reason")));
            assertThat(document).containsEntry("ReportsRefused", 1.0);
        });
    }

    @Test
    void aContainerAddsItsAcceptedReportsToTheTrafficTalliesInBulkNotOncePerReport() {
        var tallies = new dev.damagedesk.adapters.repository.DynamoDbTrafficTallies(cloud.aws().dynamoDb(),
                cloud.resources().tableName("ReportsTable"));
        java.time.Instant from = java.time.Instant.now().minusSeconds(60);
        long before = musicArrivals(tallies, from);
        ReportApiHandler container = new ReportApiHandler(FunctionEnvironment.of(environment), Clock.systemUTC());

        for (int i = 0; i < 3; i++) {
            assertThat(container.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/submit-report.json"),
                    LocalContext.forTest("IntakeFunction")).getStatusCode()).isEqualTo(202);
        }

        // the container's first report is added at once; the next ones wait for its next add, 10 s later at the soonest
        assertThat(musicArrivals(tallies, from) - before).isEqualTo(1);
    }

    private static long musicArrivals(dev.damagedesk.adapters.repository.DynamoDbTrafficTallies tallies,
                                      java.time.Instant from) {
        return tallies.minutes(from, java.time.Instant.now().plusSeconds(120)).stream()
                .mapToLong(minute -> minute.arrivalsByService().getOrDefault("music", 0L)).sum();
    }

    @Test
    void unknownRoutesAre404() {
        APIGatewayV2HTTPEvent event = submitEvent();
        event.setRouteKey("DELETE /v1/reports");
        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalContext.forTest("IntakeFunction"));
    }

    private static APIGatewayV2HTTPEvent submitEvent() {
        return EventLoader.loadApiGatewayHttpEvent("events/submit-report.json");
    }

    private static APIGatewayV2HTTPEvent statusEvent(String id, String token) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/get-report-status.json");
        event.setPathParameters(Map.of("reportId", id));
        event.setRawPath("/v1/reports/" + id);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("x-tracking-token");
        if (token != null) {
            headers.put("x-tracking-token", token);
        }
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name.toLowerCase(), value);
        event.setHeaders(headers);
        return event;
    }

    private List<Message> receiveAll() {
        return cloud.aws().sqs().receiveMessage(receive -> receive.queueUrl(queueUrl)
                .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(60)).messages();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorCodes(APIGatewayV2HTTPResponse response) {
        return ((List<Map<String, Object>>) Json.parseObject(response.getBody()).get("errors")).stream()
                .map(error -> (String) error.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        return ((List<Map<String, Object>>) Json.parseObject(response.getBody()).get("errors")).stream()
                .map(error -> (String) error.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorMessages(APIGatewayV2HTTPResponse response) {
        return ((List<Map<String, Object>>) Json.parseObject(response.getBody()).get("errors")).stream()
                .map(error -> (String) error.get("message")).toList();
    }
}

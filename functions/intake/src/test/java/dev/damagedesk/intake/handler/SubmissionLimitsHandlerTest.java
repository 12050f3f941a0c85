package dev.damagedesk.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.memory.ManualClock;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The intake's submission limits from the API Gateway event fixture, against the DynamoDB emulator's counters (the
 * local runtime's environment turns the limits off; each test turns on the ones it checks). Every test has a client
 * address and contacts of its own, and a clock 20 s into a minute and 10 min 20 s into an hour, moved by the test.
 */
class SubmissionLimitsHandlerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
            .minus(Duration.ofHours(1)).plus(Duration.ofMinutes(10)).plusSeconds(20);

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("IntakeFunction");
    /** The intake's identity keys: under the secret the template gives it. */
    private final IdentityKeys keys = IdentityKeys.fromSecret(
            environment.get("IDENTITY_KEY_SECRET").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final ManualClock clock = new ManualClock(START);
    private final String client = "2001:db8::" + Integer.toHexString(RANDOM.nextInt(0xffff)) + ":"
            + Integer.toHexString(RANDOM.nextInt(0xffff));
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private ReportApiHandler handlerWith(int perContactPerHour, int perClientPerMinute) {
        Map<String, String> limited = new HashMap<>(environment);
        limited.put("SUBMISSION_LIMIT_PER_CONTACT_PER_HOUR", Integer.toString(perContactPerHour));
        limited.put("SUBMISSION_LIMIT_PER_CLIENT_PER_MINUTE", Integer.toString(perClientPerMinute));
        return new ReportApiHandler(FunctionEnvironment.of(limited), clock);
    }

    @Test
    void aClientOverItsMinutesLimitGets429WithTheSecondsLeftInTheMinuteInTheReportsLanguage() {
        ReportApiHandler handler = handlerWith(0, 2);
        assertThat(submit(handler, report("a"), client, null).getStatusCode()).isEqualTo(202);
        assertThat(submit(handler, report("b"), client, null).getStatusCode()).isEqualTo(202);

        APIGatewayV2HTTPResponse refused = submit(handler, report("c"), client, null);
        APIGatewayV2HTTPResponse inEnglish = submit(handler, report("d").replace("\"locale\":\"ko\"", "\"locale\":\"en\""),
                client, null);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "40").containsEntry("Cache-Control", "no-store");
        assertThat(errors(refused)).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", null).containsEntry("code", "too_many_reports");
            assertThat((String) error.get("message")).contains("1분", "Retry-After");
        });
        assertThat(errors(inEnglish)).singleElement().satisfies(error ->
                assertThat((String) error.get("message")).startsWith("Too many reports from this device or network"));
        assertThat(submit(handler, report("e"), "198.51.100." + RANDOM.nextInt(250), null).getStatusCode())
                .as("another client").isEqualTo(202);

        clock.advance(Duration.ofSeconds(40));
        assertThat(submit(handler, report("f"), client, null).getStatusCode()).as("the next minute").isEqualTo(202);
    }

    @Test
    void aContactOverItsHoursLimitGets429OnItsFieldFromAnyClientAndTheCounterHoldsNoContact() {
        ReportApiHandler handler = handlerWith(2, 0);
        String email = "minji-" + run + "@example.com";
        assertThat(submit(handler, report(email, "010-" + (1000 + RANDOM.nextInt(9000)) + "-5678"), client, null).getStatusCode()).isEqualTo(202);
        assertThat(submit(handler, report(email.toUpperCase(), null), "192.0.2.1", null).getStatusCode()).isEqualTo(202);

        APIGatewayV2HTTPResponse refused = submit(handler, report(email, null), "192.0.2.2", null);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("Retry-After", Long.toString(49 * 60 + 40));
        assertThat(errors(refused)).extracting(error -> error.get("field") + " " + error.get("code"))
                .containsExactly("reporter.email too_many_reports");

        long hour = START.getEpochSecond() / 3600 * 3600;
        Map<String, AttributeValue> counter = cloud.aws().dynamoDb().getItem(get -> get
                .tableName(environment.get("REPORTS_TABLE")).consistentRead(true).key(Map.of(
                        "pk", AttributeValue.fromS("LIMIT#contact#" + keys.emailKey(email) + "#" + hour),
                        "sk", AttributeValue.fromS("COUNT")))).item();
        assertThat(counter.get("submissions").n()).as("the two accepted and the refused one").isEqualTo("3");
        assertThat(counter.get("expiresAt").n()).isEqualTo(Long.toString(hour + 2 * 3600));
        assertThat(counter.toString()).doesNotContain("minji", "example.com");
    }

    @Test
    void aPhoneIsCountedOnItsOwnUnderAnyAddress() {
        ReportApiHandler handler = handlerWith(1, 0);
        String phone = "010-" + (1000 + RANDOM.nextInt(9000)) + "-" + (1000 + RANDOM.nextInt(9000));
        assertThat(submit(handler, report("p1-" + run + "@example.com", phone), client, null).getStatusCode()).isEqualTo(202);

        APIGatewayV2HTTPResponse refused = submit(handler, report("p2-" + run + "@example.com", phone), client, null);

        assertThat(errors(refused)).extracting(error -> error.get("field") + " " + error.get("code"))
                .containsExactly("reporter.phone too_many_reports");
    }

    @Test
    void anIdempotentRetryOfAnAcceptedReportIsNeitherCountedAgainNorRefused() {
        ReportApiHandler handler = handlerWith(0, 2);
        String key = "limits-" + UUID.randomUUID();
        APIGatewayV2HTTPResponse first = submit(handler, report("a"), client, key);
        assertThat(first.getStatusCode()).isEqualTo(202);
        for (int retry = 0; retry < 3; retry++) {
            assertThat(submit(handler, report("a"), client, key).getBody()).as("retry %d", retry).isEqualTo(first.getBody());
        }

        assertThat(submit(handler, report("b"), client, null).getStatusCode()).as("the second new report").isEqualTo(202);
        APIGatewayV2HTTPResponse third = submit(handler, report("c"), client, null);
        assertThat(third.getStatusCode()).isEqualTo(429);
        assertThat(submit(handler, report("a"), client, key).getBody())
                .as("the accepted report's retry, even over the limit").isEqualTo(first.getBody());
    }

    @Test
    void aLimitedReportDoesNotUseUpItsKeyItsRetryAfterRetryAfterIsCountedAndAcceptedOnce() {
        ReportApiHandler handler = handlerWith(0, 1);
        assertThat(submit(handler, report("a"), client, null).getStatusCode()).isEqualTo(202);
        String key = "limited-" + UUID.randomUUID();
        APIGatewayV2HTTPResponse refused = submit(handler, report("b"), client, key);
        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(submit(handler, report("b"), client, key).getStatusCode())
                .as("retried too early: refused again, not replayed as queued").isEqualTo(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.getHeaders().get("Retry-After"))));
        APIGatewayV2HTTPResponse accepted = submit(handler, report("b"), client, key);
        APIGatewayV2HTTPResponse replayed = submit(handler, report("b"), client, key);

        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(replayed.getBody()).isEqualTo(accepted.getBody());
        assertThat(submit(handler, report("c"), client, null).getStatusCode())
                .as("the retry was this minute's one report").isEqualTo(429);
    }

    @Test
    void aCounterThatCannotBeWrittenFailsOpenWithAWarningNeverA5xx() {
        ReportApiHandler handler = handlerWith(1, 0);
        String email = "broken-" + run + "@example.com";
        long hour = START.getEpochSecond() / 3600 * 3600;
        // a counter item whose count is text: DynamoDB refuses the ADD (ValidationException), as it would a throttled write
        cloud.aws().dynamoDb().putItem(put -> put.tableName(environment.get("REPORTS_TABLE")).item(Map.of(
                "pk", AttributeValue.fromS("LIMIT#contact#" + keys.emailKey(email) + "#" + hour),
                "sk", AttributeValue.fromS("COUNT"), "submissions", AttributeValue.fromS("not a number"))));

        List<String> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(submit(handler, report(email, null), client, null).getStatusCode()).isEqualTo(202);
            }
            lines = output.lines();
        }

        assertThat(lines).filteredOn(line -> line.contains("failing open")).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("WARN").doesNotContain(email));
    }

    // ------------------------------------------------------------------ helpers

    private String report(String who) {
        return report(who + "-" + run + "@example.com", null);
    }

    private static String report(String email, String phone) {
        String body = EventLoader.loadApiGatewayHttpEvent("events/submit-report.json").getBody()
                .replace("minji.kim@example.com", email);
        return phone == null ? body.replace(",\"phone\":\"010-1234-5678\"", "") : body.replace("010-1234-5678", phone);
    }

    private static APIGatewayV2HTTPResponse submit(ReportApiHandler handler, String body, String sourceIp, String key) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/submit-report.json");
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-length");
        headers.put("x-forwarded-for", sourceIp);
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        event.setHeaders(headers);
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return handler.handleRequest(event, LocalContext.forTest("IntakeFunction"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(APIGatewayV2HTTPResponse response) {
        return (List<Map<String, Object>>) Json.parseObject(response.getBody()).get("errors");
    }
}

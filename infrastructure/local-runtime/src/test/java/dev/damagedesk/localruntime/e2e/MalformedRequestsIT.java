package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hostile and broken requests through the real HTTP gateway: each gets a 4xx with a machine-readable field
 * error in the reporter's language, never a 5xx or a stack trace, and nothing is queued, stored or emailed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestsIT {

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;
    private static final String MARKER = "malformed-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static Stream<Arguments> malformedRequests() {
        List<Arguments> cases = new ArrayList<>();
        // The body as a whole
        cases.add(raw("no content type", null, valid(), 415, "body", "unsupported_media_type"));
        cases.add(raw("plain text", "text/plain", valid(), 415, "body", "unsupported_media_type"));
        cases.add(raw("form encoded", "application/x-www-form-urlencoded", "name=kim", 415, "body", "unsupported_media_type"));
        cases.add(raw("latin-1 charset", "application/json; charset=iso-8859-1", valid(), 415, "body", "unsupported_media_type"));
        cases.add(raw("over 64 KiB", "application/json", "{\"description\":\"" + "x".repeat(70_000) + "\"}", 413, "body", "too_large"));
        cases.add(raw("empty body", "application/json", "", 400, "body", "required"));
        cases.add(raw("truncated JSON", "application/json", "{\"reporter\":", 400, "body", "invalid_json"));
        cases.add(raw("JSON array", "application/json", "[1,2]", 400, "body", "type"));
        cases.add(raw("JSON string", "application/json", "\"report\"", 400, "body", "type"));
        cases.add(raw("duplicate key", "application/json", "{\"locale\":\"ko\",\"locale\":\"en\"}", 400, "body", "invalid_json"));
        cases.add(raw("trailing garbage", "application/json", valid() + " {}", 400, "body", "invalid_json"));
        // Fields
        cases.add(field("missing reporter", body -> body.remove("reporter"), "reporter", "required"));
        cases.add(field("reporter not an object", body -> body.put("reporter", "kim"), "reporter", "type"));
        cases.add(field("bad email", body -> reporter(body).put("email", "kim-at-example"), "reporter.email", "invalid_format"));
        cases.add(field("blank name", body -> reporter(body).put("name", "   "), "reporter.name", "required"));
        cases.add(field("name too long", body -> reporter(body).put("name", "가".repeat(101)), "reporter.name", "too_long"));
        cases.add(field("bad phone", body -> reporter(body).put("phone", "call me maybe"), "reporter.phone", "invalid_format"));
        cases.add(field("unknown reporter field", body -> reporter(body).put("role", "admin"), "reporter.role", "unknown_field"));
        cases.add(field("unsupported locale", body -> body.put("locale", "fr"), "locale", "not_allowed"));
        cases.add(field("unknown service", body -> body.put("service", "bank"), "service", "not_allowed"));
        cases.add(field("unknown category", body -> body.put("category", "emotional-damage"), "category", "not_allowed"));
        cases.add(field("date without offset", body -> body.put("occurredFrom", "2022-10-15 15:30"), "occurredFrom", "invalid_format"));
        cases.add(field("window ends before it starts", body -> body.put("occurredTo", "2022-10-14T00:00:00+09:00"), "occurredTo", "before_start"));
        cases.add(field("window in the future", body -> body.put("occurredTo", "2099-01-01T00:00:00+09:00"), "occurredTo", "in_future"));
        cases.add(field("business loss without amount", body -> {
            body.put("category", "business-loss");
            body.put("reporterType", "small-business");
            body.remove("amountClaimedKrw");
        }, "amountClaimedKrw", "required"));
        cases.add(field("business loss without reporter type", body -> body.put("category", "business-loss"),
                "reporterType", "required"));
        cases.add(field("unknown reporter type", body -> body.put("reporterType", "corporation"), "reporterType",
                "not_allowed"));
        cases.add(field("negative amount", body -> body.put("amountClaimedKrw", -1), "amountClaimedKrw", "out_of_range"));
        cases.add(field("absurd amount", body -> body.put("amountClaimedKrw", 10_000_000_001L), "amountClaimedKrw", "out_of_range"));
        cases.add(field("fractional amount", body -> body.put("amountClaimedKrw", 10.5), "amountClaimedKrw", "type"));
        cases.add(field("amount as text", body -> body.put("amountClaimedKrw", "10900"), "amountClaimedKrw", "type"));
        cases.add(field("amount without monetary damage", body -> body.put("category", "no-monetary-damage"), "amountClaimedKrw", "not_applicable"));
        cases.add(field("description too long", body -> body.put("description", "가".repeat(4001)), "description", "too_long"));
        cases.add(field("control characters", body -> body.put("description", "bell\u0007"), "description", "invalid_characters"));
        cases.add(field("no consent", body -> body.put("privacyConsent", false), "privacyConsent", "must_be_true"));
        cases.add(field("consent as text", body -> body.put("privacyConsent", "yes"), "privacyConsent", "type"));
        cases.add(field("unknown top-level field", body -> body.put("status", "APPROVED"), "status", "unknown_field"));
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isRefusedWithAFieldErrorInTheReportersLanguage(String name, String contentType, String body, int status,
                                                         String field, String code) {
        HttpRequest.Builder request = api.request("/v1/reports")
                .header("Accept-Language", "ko-KR")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        PublicApiClient.Reply reply = api.send(request.build());

        assertThat(reply.status()).as(name).isEqualTo(status);
        assertThat(reply.errors()).as(name).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("code")).isEqualTo(code);
            assertThat((String) error.get("message")).containsPattern("[가-힣]");
        });
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Order(1)
    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        PublicApiClient.Reply reply = api.submit(valid(), "Idempotency-Key", "short");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errors()).extracting(error -> error.get("field")).containsExactly("Idempotency-Key");
    }

    @Order(1)
    @Test
    void aMalformedPercentEscapeInAReportIdIsTheGatewaysJson400() throws Exception {
        // java.net.http will not send such a URI: what a hand-made client or a proxy may send, written raw
        for (String target : List.of("/v1/reports/%zz", "/v1/reports/01M91%", "/v1/reports/%E0%A4%A")) {
            try (java.net.Socket socket = new java.net.Socket(runtime.apiBaseUri().getHost(), runtime.apiBaseUri().getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: api\r\nX-Tracking-Token: t\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.shutdownOutput();
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

                assertThat(answer).as(target).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                        .endsWith("{\"message\":\"Bad Request\"}").doesNotContain("<");
            }
        }
    }

    @Order(2)
    @Test
    void nothingOfTheRefusedRequestsWasQueuedStoredOrEmailed() {
        // A valid report sent last goes through the same queues: once it is stored and acknowledged, anything
        // queued before it would have been too.
        String sentinel = "sentinel-" + MARKER + "@example.com";
        Map<String, Object> accepted = api.submit(PublicApiClient.validReport(sentinel)).json();
        LocalMailbox mailbox = runtime.cloud().aws().mailbox();
        Eventually.await("the sentinel's acknowledgement", Duration.ofSeconds(30), () ->
                mailbox.sentTo(sentinel).stream().findFirst());

        String table = runtime.cloud().resources().tableName("ReportsTable");
        List<String> storedIds = runtime.cloud().aws().dynamoDb().scanPaginator(scan -> scan.tableName(table)
                        .filterExpression("#type = :report").expressionAttributeNames(Map.of("#type", "type"))
                        .expressionAttributeValues(Map.of(":report", AttributeValue.fromS("REPORT"))))
                .items().stream().map(item -> item.get("reportId").s()).toList();
        assertThat(storedIds).containsExactly((String) accepted.get("reportId"));
        assertThat(mailbox.all()).extracting(email -> email.to().get(0)).containsExactly(sentinel);
    }

    private static Arguments raw(String name, String contentType, String body, int status, String field, String code) {
        return Arguments.of(name, contentType, body, status, field, code);
    }

    private static Arguments field(String name, Consumer<Map<String, Object>> change, String field, String code) {
        Map<String, Object> body = validMap();
        change.accept(body);
        try {
            return Arguments.of(name, "application/json", JSON.std.asString(body), 400, field, code);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reporter(Map<String, Object> body) {
        return (Map<String, Object>) body.get("reporter");
    }

    private static String valid() {
        return PublicApiClient.validReport("someone-" + MARKER + "@example.com");
    }

    private static Map<String, Object> validMap() {
        try {
            Map<String, Object> body = new LinkedHashMap<>(JSON.std.mapFrom(valid()));
            body.put("locale", "ko");
            body.put("reporter", new LinkedHashMap<>(reporter(body)));
            return body;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

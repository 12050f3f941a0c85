package dev.damagedesk.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.domain.identity.TrackingTokens;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.intake.handler.OpenApiDocument.Located;
import dev.damagedesk.intake.submit.RequestBody;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localaws.template.SamTemplate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code docs/openapi.yaml} true: the real intake handler, on the SQS and DynamoDB emulators, is made to give
 * every answer the document promises, and each real answer is validated against the documented schema and headers.
 * The document's routes are the template's, its error codes are the code's, its enums and limits the domain's, and
 * its request schema accepts and refuses what the handler accepts and refuses.
 */
class OpenApiContractTest {

    private static final String FUNCTION = "IntakeFunction";
    private static final String SUBMIT = ReportApiHandler.SUBMIT_ROUTE;
    private static final String STATUS = ReportApiHandler.STATUS_ROUTE;
    private static final String SUBSCRIBE = ReportApiHandler.SUBSCRIBE_ROUTE;
    private static final String JSON_MEDIA_TYPE = "application/json";

    /**
     * Documented answers no test here can make the handler give: 429 comes from API Gateway's throttling (except the
     * submission limits' 429, provoked below), and 500 only from a bug. Every other documented answer must be in
     * {@link #provocations()}.
     */
    private static final Set<String> NOT_PROVOKABLE = Set.of(
            SUBMIT + " 500", STATUS + " 429", STATUS + " 500", SUBSCRIBE + " 429", SUBSCRIBE + " 500");

    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Path root;
    private static OpenApiDocument api;
    private static ReportApiHandler handler;

    @BeforeAll
    static void readTheDocument() {
        root = RepositoryRoot.find();
        api = OpenApiDocument.load(root.resolve("docs/openapi.yaml"));
    }

    // ------------------------------------------------------------------ the document itself

    @Test
    void theDocumentIsOpenApi31AndEveryReferenceResolves() {
        assertThat(api.root().path("openapi").asString()).startsWith("3.1.");
        assertThat(api.root().path("info").path("title").asString()).isNotBlank();
        assertThat(api.root().path("info").path("version").asString()).isNotBlank();
        api.allRefs().forEach((where, ref) -> assertThat(api.at(ref.substring(1)).node())
                .as("$ref %s at %s", ref, where).isNotNull());
        for (OpenApiDocument.Operation operation : api.operations()) {
            assertThat(operation.located().node().path("operationId").asString())
                    .as("operationId of %s", operation.routeKey()).isNotBlank();
            Map<String, Located> responses = api.responses(operation.routeKey());
            assertThat(responses).as("responses of %s", operation.routeKey()).isNotEmpty();
            responses.forEach((status, response) -> assertThat(response.node().path("description").asString())
                    .as("description of %s %s", operation.routeKey(), status).isNotBlank());
        }
    }

    @Test
    void theDocumentedRoutesAreTheTemplatesRoutesAndTheHandlers() {
        Set<String> templateRoutes = SamTemplate.load(root.resolve(RepositoryRoot.TEMPLATE)).function(FUNCTION)
                .httpRoutes().stream().map(HttpRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(api.routeKeys()))
                .as("routes in docs/openapi.yaml vs HttpApi events of %s in template.yaml", FUNCTION)
                .isEqualTo(templateRoutes);
        assertThat(templateRoutes).as("routes the handler serves").containsExactlyInAnyOrder(SUBMIT, STATUS, SUBSCRIBE);
    }

    @Test
    void theErrorCodeEnumIsExactlyTheCodesTheCodeCanProduce() throws Exception {
        Set<String> produced = new TreeSet<>();
        produced.addAll(stringConstants(ErrorCodes.class));
        for (Field field : ApiResponses.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == FieldError.class) {
                field.setAccessible(true);
                produced.add(((FieldError) field.get(null)).code());
            }
        }
        produced.addAll(requestBodyCodes());
        produced.addAll(literalCodesIn(root.resolve("functions/intake/src/main/java")));
        produced.addAll(literalCodesIn(root.resolve("functions/domain/src/main/java")));

        List<String> documented = api.enumOf("/components/schemas/ErrorCode");
        assertThat(new TreeSet<>(documented)).as("ErrorCode enum in docs/openapi.yaml").isEqualTo(produced);

        // Each error answer names the codes it may carry; they must be codes of the enum.
        for (OpenApiDocument.Operation operation : api.operations()) {
            api.responses(operation.routeKey()).forEach((status, response) ->
                    response.node().path("x-error-codes").forEach(code -> assertThat(documented)
                            .as("x-error-codes of %s %s", operation.routeKey(), status).contains(code.asString())));
        }
    }

    @Test
    void theEnumsAndLimitsAreTheDomainsOwn() {
        String incidentId = environment().get("ACTIVE_INCIDENT_ID");
        Incident incident = new IncidentCatalog().get(incidentId);

        assertThat(api.enumOf("/components/schemas/Service")).as("services of incident %s", incidentId)
                .containsExactlyInAnyOrderElementsOf(incident.services());
        assertThat(api.enumOf("/components/schemas/Locale"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Language.values()).map(Language::code).toList());
        assertThat(api.enumOf("/components/schemas/Category"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Category.values()).map(Category::code).toList());
        assertThat(api.enumOf("/components/schemas/ReportStatusCode"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ReportStatus.values()).map(Enum::name).toList());
        assertThat(api.enumOf("/components/schemas/ReporterType"))
                .containsAll(Arrays.stream(ReporterType.values()).map(ReporterType::code).toList());
        assertThat(api.enumOf("/components/schemas/Outcome"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Outcome.values()).map(Enum::name).toList());

        JsonNode submission = api.at("/components/schemas/ReportSubmission").node().path("properties");
        JsonNode reporter = api.at("/components/schemas/Reporter").node().path("properties");
        assertThat(submission.path("description").path("maxLength").asLong())
                .isEqualTo(SubmissionParser.MAX_DESCRIPTION_LENGTH);
        assertThat(submission.path("amountClaimedKrw").path("maximum").asLong()).isEqualTo(SubmissionParser.MAX_AMOUNT_KRW);
        assertThat(reporter.path("name").path("maxLength").asLong()).isEqualTo(SubmissionParser.MAX_NAME_LENGTH);
        assertThat(reporter.path("email").path("maxLength").asLong()).isEqualTo(SubmissionParser.MAX_EMAIL_LENGTH);
        assertThat(reporter.path("accountRef").path("maxLength").asLong())
                .isEqualTo(SubmissionParser.MAX_ACCOUNT_REF_LENGTH);
        assertThat(submitRequestBody().node().path("description").asString())
                .as("the request body's documented size limit").contains(RequestBody.MAX_BYTES / 1024 + " KiB");
    }

    @Test
    void everyExampleInTheDocumentConformsToItsSchema() {
        int checked = 0;
        for (OpenApiDocument.Operation operation : api.operations()) {
            if (operation.located().node().has("requestBody")) {
                checked += checkMediaTypeExamples(api.at(operation.located().pointer() + "/requestBody"));
            }
            for (Located response : api.responses(operation.routeKey()).values()) {
                checked += checkMediaTypeExamples(response);
            }
            JsonNode parameters = operation.located().node().path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                Located parameter = api.at(operation.located().pointer() + "/parameters/" + i);
                if (parameter.node().has("example")) {
                    assertThat(api.problems(parameter.pointer() + "/schema", parameter.node().get("example")))
                            .as("example of parameter %s", parameter.node().path("name").asString()).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(api.operations().size() * 2);
    }

    // ------------------------------------------------------------------ the document against the real handler

    static Stream<String> requestExamples() {
        return List.copyOf(submitMediaType().node().path("examples").propertyNames()).stream();
    }

    @ParameterizedTest(name = "request example {0}")
    @MethodSource("requestExamples")
    void theDocumentsRequestExamplesConformAndAreAccepted(String example) {
        JsonNode value = requestExample(example);
        assertThat(api.problems(submitSchema(), value)).as("example %s against the request schema", example)
                .isEmpty();

        APIGatewayV2HTTPResponse response = handle(submitEvent(OpenApiDocument.JSON.writeValueAsString(value), Map.of()));

        assertThat(response.getStatusCode()).as("answer to example %s: %s", example, response.getBody()).isEqualTo(202);
        assertConforms(SUBMIT, response);
    }

    /** One way to make the handler give one documented answer. */
    record Provocation(String name, String routeKey, int status, Supplier<APIGatewayV2HTTPResponse> call,
                       Consumer<JsonNode> alsoCheck) {
        @Override
        public String toString() {
            return routeKey + " " + status + ": " + name;
        }
    }

    static List<Provocation> provocations() {
        return List.of(
                new Provocation("a valid report", SUBMIT, 202,
                        () -> handle(submitEvent(exampleBody(), Map.of())),
                        body -> assertThat(body.path("statusUrl").asString())
                                .isEqualTo("/v1/reports/" + body.path("reportId").asString())),
                new Provocation("an idempotent retry", SUBMIT, 202, () -> {
                    String key = "retry-" + UUID.randomUUID();
                    APIGatewayV2HTTPResponse first = handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key)));
                    APIGatewayV2HTTPResponse retry = handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key)));
                    assertThat(first.getStatusCode()).isEqualTo(202);
                    assertThat(retry.getBody()).as("the documented replay: the first answer again").isEqualTo(first.getBody());
                    return retry;
                }, body -> { }),
                new Provocation("a corrected report with the key of a refused one", SUBMIT, 202, () -> {
                    String key = "corrected-" + UUID.randomUUID();
                    APIGatewayV2HTTPResponse refused = handle(submitEvent(
                            mutatedExample(report -> report.put("privacyConsent", false)), Map.of("Idempotency-Key", key)));
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    return handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key)));
                }, body -> { }),
                new Provocation("field errors", SUBMIT, 400, () -> handle(submitEvent(
                        mutatedExample(report -> {
                            reporterOf(report).put("email", "not-an-address");
                            report.put("privacyConsent", false);
                        }), Map.of())),
                        body -> assertThat(errors(body)).contains("reporter.email invalid_format", "privacyConsent must_be_true")),
                new Provocation("an unknown field", SUBMIT, 400,
                        () -> handle(submitEvent(mutatedExample(report -> report.put("deviceId", "abc")), Map.of())),
                        body -> assertThat(errors(body)).containsExactly("deviceId unknown_field")),
                new Provocation("a body that is not JSON", SUBMIT, 400,
                        () -> handle(submitEvent("{\"reporter\":", Map.of())),
                        body -> assertThat(errors(body)).containsExactly("body invalid_json")),
                new Provocation("no body", SUBMIT, 400, () -> handle(submitEvent(null, Map.of())),
                        body -> assertThat(errors(body)).containsExactly("body required")),
                new Provocation("a JSON array", SUBMIT, 400, () -> handle(submitEvent("[]", Map.of())),
                        body -> assertThat(errors(body)).containsExactly("body type")),
                new Provocation("an Idempotency-Key of the wrong shape", SUBMIT, 400,
                        () -> handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", "short"))),
                        body -> assertThat(errors(body)).containsExactly("Idempotency-Key invalid_format")),
                new Provocation("a key reused for another body", SUBMIT, 409, () -> {
                    String key = "conflict-" + UUID.randomUUID();
                    assertThat(handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key))).getStatusCode())
                            .isEqualTo(202);
                    return handle(submitEvent(mutatedExample(report -> report.put("service", "webtoon")),
                            Map.of("Idempotency-Key", key)));
                }, body -> assertThat(errors(body)).containsExactly("Idempotency-Key idempotency_key_reused")),
                new Provocation("a body over 64 KiB", SUBMIT, 413, () -> handle(submitEvent(
                        mutatedExample(report -> report.put("description", "가".repeat(RequestBody.MAX_BYTES / 3 + 1))),
                        Map.of())), body -> assertThat(errors(body)).containsExactly("body too_large")),
                new Provocation("text/plain", SUBMIT, 415,
                        () -> handle(submitEvent(exampleBody(), Map.of("Content-Type", "text/plain"))),
                        body -> assertThat(errors(body)).containsExactly("body unsupported_media_type")),
                new Provocation("no Content-Type", SUBMIT, 415,
                        () -> handle(submitEvent(exampleBody(), withoutHeader("Content-Type"))), body -> { }),
                new Provocation("JSON in another charset", SUBMIT, 415, () -> handle(submitEvent(exampleBody(),
                        Map.of("Content-Type", "application/json; charset=iso-8859-1"))), body -> { }),
                new Provocation("a client over its submission limit", SUBMIT, 429, () -> {
                    Map<String, String> limited = new HashMap<>(environment());
                    limited.put("SUBMISSION_LIMIT_PER_CLIENT_PER_MINUTE", "1");
                    ReportApiHandler strict = new ReportApiHandler(FunctionEnvironment.of(limited),
                            Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC));
                    String client = "2001:db8:429::" + Integer.toHexString(RANDOM.nextInt(0xffff));
                    APIGatewayV2HTTPEvent first = submitEvent(exampleBody(), Map.of());
                    first.getRequestContext().getHttp().setSourceIp(client);
                    APIGatewayV2HTTPEvent second = submitEvent(exampleBody(), Map.of());
                    second.getRequestContext().getHttp().setSourceIp(client);
                    assertThat(strict.handleRequest(first, LocalContext.forTest(FUNCTION)).getStatusCode()).isEqualTo(202);
                    return strict.handleRequest(second, LocalContext.forTest(FUNCTION));
                }, body -> assertThat(errors(body)).containsExactly("null too_many_reports")),
                new Provocation("an intake queue that does not exist", SUBMIT, 503,
                        () -> handleWith("INTAKE_QUEUE_URL", environment().get("INTAKE_QUEUE_URL") + "-missing",
                                submitEvent(exampleBody(), Map.of())),
                        body -> assertThat(errors(body)).containsExactly("null temporarily_unavailable")),

                new Provocation("a subscription", SUBSCRIBE, 200,
                        () -> handle(subscribeEvent("{\"email\":\"fan-" + UUID.randomUUID() + "@example.com\","
                                + "\"locale\":\"en\",\"services\":[\"messenger\",\"mail\",\"mail\"]}", Map.of())),
                        body -> assertThat(body.path("services").toString()).isEqualTo("[\"mail\",\"messenger\"]")),
                new Provocation("the same subscription twice", SUBSCRIBE, 200, () -> {
                    String request = "{\"email\":\"twice-" + UUID.randomUUID() + "@example.com\",\"locale\":\"ko\","
                            + "\"services\":[\"taxi\"]}";
                    APIGatewayV2HTTPResponse first = handle(subscribeEvent(request, Map.of()));
                    APIGatewayV2HTTPResponse second = handle(subscribeEvent(request, Map.of()));
                    assertThat(second.getBody()).isEqualTo(first.getBody());
                    return second;
                }, body -> assertThat(body.path("message").asString()).containsPattern(HANGUL)),
                new Provocation("subscription field errors", SUBSCRIBE, 400, () -> handle(subscribeEvent(
                        "{\"email\":\"not-an-address\",\"locale\":\"en\",\"services\":[\"messenger\",\"bank\"],\"phone\":1}",
                        Map.of())), body -> assertThat(errors(body))
                        .containsExactlyInAnyOrder("phone unknown_field", "email invalid_format", "services[1] not_allowed")),
                new Provocation("a subscription that is not JSON", SUBSCRIBE, 400,
                        () -> handle(subscribeEvent("{\"email\":", Map.of())),
                        body -> assertThat(errors(body)).containsExactly("body invalid_json")),
                new Provocation("a subscription over 64 KiB", SUBSCRIBE, 413, () -> handle(subscribeEvent(
                        "{\"email\":\"" + "a".repeat(RequestBody.MAX_BYTES) + "\"}", Map.of())),
                        body -> assertThat(errors(body)).containsExactly("body too_large")),
                new Provocation("a subscription as text/plain", SUBSCRIBE, 415,
                        () -> handle(subscribeEvent("{}", Map.of("Content-Type", "text/plain"))),
                        body -> assertThat(errors(body)).containsExactly("body unsupported_media_type")),
                new Provocation("a subscription table that does not exist", SUBSCRIBE, 503,
                        () -> handleWith("REPORTS_TABLE", environment().get("REPORTS_TABLE") + "-missing",
                                subscribeEvent("{\"email\":\"a@example.com\",\"locale\":\"en\",\"services\":[\"mail\"]}", Map.of())),
                        body -> assertThat(errors(body)).containsExactly("null temporarily_unavailable")),

                new Provocation("a queued report", STATUS, 200, () -> {
                    JsonNode accepted = submitted();
                    return handle(statusEvent(accepted.path("reportId").asString(),
                            accepted.path("trackingToken").asString(), null));
                }, body -> assertThat(body.path("status").asString()).isEqualTo("RECEIVED")),
                new Provocation("an auto-approved report", STATUS, 200, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.PAID_SUBSCRIPTION, "music", 10_900L, EXTENSION, token,
                            ReportStatus.AUTO_APPROVED);
                    return handle(statusEvent(report.id().value(), token, null));
                }, body -> {
                    assertThat(body.path("decision").path("outcome").asString()).isEqualTo("EXTENSION");
                    assertThat(Instant.parse(body.path("expectedDecisionBy").asString()))
                            .isEqualTo(Instant.parse(body.path("receivedAt").asString()).plus(Duration.ofDays(7)));
                }),
                new Provocation("a report that needs review", STATUS, 200, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.FREE_SERVICE_MONEY_LOST, "payment", 42_000L,
                            PROOF_REVIEW, token, ReportStatus.NEEDS_REVIEW);
                    return handle(statusEvent(report.id().value(), token, null));
                }, body -> assertThat(Instant.parse(body.path("expectedDecisionBy").asString()))
                        .isEqualTo(Instant.parse(body.path("receivedAt").asString()).plus(Duration.ofDays(14)))),
                new Provocation("a report that needs documents", STATUS, 200, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.BUSINESS_LOSS, "taxi", 620_000L, DOCUMENTS_REVIEW,
                            token, ReportStatus.NEEDS_DOCUMENTS);
                    return handle(statusEvent(report.id().value(), token, null));
                }, body -> assertThat(Instant.parse(body.path("expectedDecisionBy").asString()))
                        .isEqualTo(Instant.parse(body.path("receivedAt").asString()).plus(Duration.ofDays(30)))),
                new Provocation("a report decided by staff", STATUS, 200, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.FREE_SERVICE_MONEY_LOST, "payment", 42_000L,
                            PROOF_REVIEW, token, ReportStatus.NEEDS_REVIEW, ReportStatus.APPROVED);
                    return handle(statusEvent(report.id().value(), token, null));
                }, body -> {
                    assertThat(body.path("status").asString()).isEqualTo("APPROVED");
                    assertThat(body.has("expectedDecisionBy")).isFalse();
                }),
                new Provocation("an unknown id", STATUS, 404,
                        () -> handle(statusEvent(ReportId.newId(Instant.now(), RANDOM).value(), "any-token", null)),
                        body -> assertThat(errors(body)).containsExactly("reportId not_found")),
                new Provocation("a wrong token", STATUS, 404, () -> {
                    JsonNode accepted = submitted();
                    return handle(statusEvent(accepted.path("reportId").asString(), "wrong-token", null));
                }, body -> assertThat(errors(body)).containsExactly("reportId not_found")),
                new Provocation("no token", STATUS, 404, () -> {
                    JsonNode accepted = submitted();
                    return handle(statusEvent(accepted.path("reportId").asString(), null, null));
                }, body -> assertThat(errors(body)).containsExactly("reportId not_found")),
                new Provocation("a malformed id", STATUS, 404,
                        () -> handle(statusEvent("not-a-report-id", "any-token", null)),
                        body -> assertThat(errors(body)).containsExactly("reportId not_found")),
                new Provocation("a report table that does not exist", STATUS, 503,
                        () -> handleWith("REPORTS_TABLE", environment().get("REPORTS_TABLE") + "-missing",
                                statusEvent(ReportId.newId(Instant.now(), RANDOM).value(), "any-token", null)),
                        body -> assertThat(errors(body)).containsExactly("null temporarily_unavailable")));
    }

    @Test
    void everyDocumentedAnswerIsProvokedBelowUnlessItCannotBe() {
        Set<String> documented = new TreeSet<>();
        api.operations().forEach(operation -> api.responses(operation.routeKey()).keySet()
                .forEach(status -> documented.add(operation.routeKey() + " " + status)));
        Set<String> covered = new TreeSet<>(NOT_PROVOKABLE);
        provocations().forEach(provocation -> covered.add(provocation.routeKey() + " " + provocation.status()));

        assertThat(covered).as("answers provoked (or known unprovokable) vs answers documented").isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provocations")
    void realAnswersConformToTheDocument(Provocation provocation) {
        APIGatewayV2HTTPResponse response = provocation.call().get();

        assertThat(response.getStatusCode()).as("status for %s: %s", provocation.name(), response.getBody())
                .isEqualTo(provocation.status());
        assertConforms(provocation.routeKey(), response);
        provocation.alsoCheck().accept(OpenApiDocument.JSON.readTree(response.getBody()));
    }

    /** A change to the example report, whether the handler (and so the schema) must accept it, and why. */
    record Variant(String name, boolean valid, Consumer<ObjectNode> change) {
        @Override
        public String toString() {
            return (valid ? "valid: " : "invalid: ") + name;
        }
    }

    static List<Variant> variants() {
        return List.of(
                new Variant("the example as it is", true, report -> { }),
                new Variant("no phone", true, report -> reporterOf(report).remove("phone")),
                new Variant("phone null", true, report -> reporterOf(report).putNull("phone")),
                new Variant("phone blank", true, report -> reporterOf(report).put("phone", "  ")),
                new Variant("international phone", true, report -> reporterOf(report).put("phone", "+82 (10) 1234-5678")),
                new Variant("an account reference", true, report -> reporterOf(report).put("accountRef", "minji_k")),
                new Variant("English", true, report -> report.put("locale", "en")),
                new Variant("a name of 100 characters", true, report -> reporterOf(report).put("name", "민".repeat(100))),
                new Variant("a description of 4,000 characters with line breaks",
                        true, report -> report.put("description", ("가나다라마바사아자\n").repeat(400))),
                new Variant("no monetary damage without amount", true, report -> {
                    report.put("category", "no-monetary-damage");
                    report.remove("amountClaimedKrw");
                }),
                new Variant("no monetary damage with 0", true, report -> {
                    report.put("category", "no-monetary-damage");
                    report.put("amountClaimedKrw", 0);
                }),
                new Variant("business loss at the maximum amount", true, report -> {
                    report.put("category", "business-loss");
                    report.put("reporterType", "small-business");
                    report.put("amountClaimedKrw", SubmissionParser.MAX_AMOUNT_KRW);
                }),
                new Variant("a mid or large business's loss", true, report -> {
                    report.put("category", "business-loss");
                    report.put("reporterType", "mid-large-business");
                }),
                new Variant("an individual saying so", true, report -> report.put("reporterType", "individual")),
                new Variant("a business's subscription", true, report -> report.put("reporterType", "small-business")),
                new Variant("reporter type null", true, report -> report.putNull("reporterType")),
                new Variant("a failed purchase", true, report -> report.put("category", "failed-purchase")),
                new Variant("a UTC time", true, report -> report.put("occurredFrom", "2022-10-15T06:30:00Z")),

                new Variant("an unknown field", false, report -> report.put("title", "music")),
                new Variant("an unknown reporter field", false, report -> reporterOf(report).put("age", 30)),
                new Variant("no reporter", false, report -> report.remove("reporter")),
                new Variant("no email", false, report -> reporterOf(report).remove("email")),
                new Variant("not an email", false, report -> reporterOf(report).put("email", "minji.kim@example")),
                new Variant("a blank name", false, report -> reporterOf(report).put("name", "   ")),
                new Variant("a name of 101 characters", false, report -> reporterOf(report).put("name", "민".repeat(101))),
                new Variant("a line break in the name", false, report -> reporterOf(report).put("name", "김\n민지")),
                new Variant("a phone of 6 digits", false, report -> reporterOf(report).put("phone", "123-456")),
                new Variant("a phone with letters", false, report -> reporterOf(report).put("phone", "010-CALL-ME")),
                new Variant("an account reference of 101 characters", false,
                        report -> reporterOf(report).put("accountRef", "a".repeat(101))),
                new Variant("another locale", false, report -> report.put("locale", "ja")),
                new Variant("an upper-case locale", false, report -> report.put("locale", "KO")),
                new Variant("a service the incident did not take down", false, report -> report.put("service", "bank")),
                new Variant("an unknown category", false, report -> report.put("category", "other")),
                new Variant("a time without offset", false, report -> report.put("occurredFrom", "2022-10-15T15:30:00")),
                new Variant("a date only", false, report -> report.put("occurredTo", "2022-10-16")),
                new Variant("no description", false, report -> report.remove("description")),
                new Variant("a blank description", false, report -> report.put("description", " \n ")),
                new Variant("a description of 4,001 characters", false,
                        report -> report.put("description", "가".repeat(SubmissionParser.MAX_DESCRIPTION_LENGTH + 1))),
                new Variant("a control character in the description", false,
                        report -> report.put("description", "재생 안 됨\u0007")),
                new Variant("a negative amount", false, report -> report.put("amountClaimedKrw", -1)),
                new Variant("an amount over the maximum", false,
                        report -> report.put("amountClaimedKrw", SubmissionParser.MAX_AMOUNT_KRW + 1)),
                new Variant("a fractional amount", false, report -> report.put("amountClaimedKrw", 10900.5)),
                new Variant("an amount as text", false, report -> report.put("amountClaimedKrw", "10900")),
                new Variant("business loss without amount", false, report -> {
                    report.put("category", "business-loss");
                    report.put("reporterType", "small-business");
                    report.remove("amountClaimedKrw");
                }),
                new Variant("business loss without reporter type", false, report -> report.put("category", "business-loss")),
                new Variant("business loss of an individual", false, report -> {
                    report.put("category", "business-loss");
                    report.put("reporterType", "individual");
                }),
                new Variant("an unknown reporter type", false, report -> report.put("reporterType", "corporation")),
                new Variant("a reporter type as a number", false, report -> report.put("reporterType", 2)),
                new Variant("a failed purchase without amount", false, report -> {
                    report.put("category", "failed-purchase");
                    report.remove("amountClaimedKrw");
                }),
                new Variant("money lost of 0", false, report -> {
                    report.put("category", "free-service-money-lost");
                    report.put("amountClaimedKrw", 0);
                }),
                new Variant("an amount with no monetary damage", false, report -> {
                    report.put("category", "no-monetary-damage");
                    report.put("amountClaimedKrw", 5000);
                }),
                new Variant("no consent", false, report -> report.put("privacyConsent", false)),
                new Variant("consent as text", false, report -> report.put("privacyConsent", "true")),
                new Variant("no consent field", false, report -> report.remove("privacyConsent")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theRequestSchemaAcceptsAndRefusesWhatTheHandlerDoes(Variant variant) {
        ObjectNode report = exampleReport();
        variant.change().accept(report);
        String body = OpenApiDocument.JSON.writeValueAsString(report);

        List<String> problems = api.problems(submitSchema(), body);
        APIGatewayV2HTTPResponse response = handle(submitEvent(body, Map.of()));

        assertThat(response.getStatusCode()).as("handler's answer to %s: %s", variant, response.getBody())
                .isEqualTo(variant.valid() ? 202 : 400);
        if (variant.valid()) {
            assertThat(problems).as("the documented request schema on %s", variant).isEmpty();
        } else {
            assertThat(problems).as("the documented request schema on %s", variant).isNotEmpty();
        }
        assertConforms(SUBMIT, response);
    }

    @ParameterizedTest(name = "Idempotency-Key {0}")
    @MethodSource("idempotencyKeys")
    void theIdempotencyKeyParameterAcceptsAndRefusesWhatTheHandlerDoes(String key, boolean valid) {
        Located parameter = api.at(api.operation(SUBMIT).located().pointer() + "/parameters/0");
        assertThat(parameter.node().path("name").asString()).isEqualTo("Idempotency-Key");

        List<String> problems = api.problems(parameter.pointer() + "/schema", JsonNodeFactory.instance.stringNode(key));
        APIGatewayV2HTTPResponse response = handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key)));

        assertThat(response.getStatusCode()).as("handler's answer: %s", response.getBody()).isEqualTo(valid ? 202 : 400);
        assertThat(problems.isEmpty()).as("the documented parameter schema accepts it: %s", problems).isEqualTo(valid);
    }

    static Stream<Arguments> idempotencyKeys() {
        return Stream.of(
                Arguments.of(UUID.randomUUID().toString(), true),
                Arguments.of("k" + "~".repeat(126) + RANDOM.nextInt(10), true),
                Arguments.of("1234567", false),
                Arguments.of("has a space " + UUID.randomUUID(), false),
                Arguments.of("k".repeat(129), false),
                Arguments.of("키-" + UUID.randomUUID(), false));
    }

    /** An answer, and whether the text people read in it must be Korean (else English). */
    record LanguageCase(String name, boolean korean, Supplier<APIGatewayV2HTTPResponse> call) {
        @Override
        public String toString() {
            return name + (korean ? " -> ko" : " -> en");
        }
    }

    static List<LanguageCase> languageCases() {
        Map<String, String> en = Map.of("Accept-Language", "en-US,en;q=0.9");
        Map<String, String> ko = Map.of("Accept-Language", "ko-KR,ko;q=0.9");
        return List.of(
                new LanguageCase("202 for a ko report asked in en", true, () -> handle(submitEvent(exampleBody(), en))),
                new LanguageCase("202 for an en report asked in ko", false, () -> handle(submitEvent(
                        mutatedExample(report -> report.put("locale", "en")), ko))),
                new LanguageCase("400 for a ko report asked in en", true, () -> handle(submitEvent(
                        mutatedExample(report -> report.put("privacyConsent", false)), en))),
                new LanguageCase("400 for an en report asked in ko", false, () -> handle(submitEvent(
                        mutatedExample(report -> {
                            report.put("locale", "en");
                            report.put("privacyConsent", false);
                        }), ko))),
                new LanguageCase("400 for an unreadable body asked in ko", true,
                        () -> handle(submitEvent("{", ko))),
                new LanguageCase("400 for an unreadable body without Accept-Language", false,
                        () -> handle(submitEvent("{", withoutHeader("Accept-Language")))),
                new LanguageCase("415 asked in ko", true,
                        () -> handle(submitEvent(exampleBody(), Map.of("Content-Type", "text/plain",
                                "Accept-Language", "ko")))),
                new LanguageCase("409 for a ko report asked in en", true, () -> {
                    String key = "language-" + UUID.randomUUID();
                    handle(submitEvent(exampleBody(), Map.of("Idempotency-Key", key)));
                    Map<String, String> headers = new HashMap<>(en);
                    headers.put("Idempotency-Key", key);
                    return handle(submitEvent(mutatedExample(report -> report.put("service", "webtoon")), headers));
                }),
                new LanguageCase("503 for a ko report asked in en", true,
                        () -> handleWith("INTAKE_QUEUE_URL", environment().get("INTAKE_QUEUE_URL") + "-missing",
                                submitEvent(exampleBody(), en))),
                new LanguageCase("404 asked in ko", true,
                        () -> handle(statusEvent(ReportId.newId(Instant.now(), RANDOM).value(), "any-token", "ko"))),
                new LanguageCase("a ko report's decision without Accept-Language", true, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.PAID_SUBSCRIPTION, "music", 10_900L, EXTENSION, token,
                            ReportStatus.AUTO_APPROVED);
                    return handle(statusEvent(report.id().value(), token, null));
                }),
                new LanguageCase("a ko report's decision asked in en", false, () -> {
                    String token = "stored-" + UUID.randomUUID();
                    Report report = storeTriagedReport(Category.PAID_SUBSCRIPTION, "music", 10_900L, EXTENSION, token,
                            ReportStatus.AUTO_APPROVED);
                    return handle(statusEvent(report.id().value(), token, "en"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languageCases")
    void textIsInTheReportsLanguageElseAcceptLanguage(LanguageCase languageCase) {
        APIGatewayV2HTTPResponse response = languageCase.call().get();
        JsonNode body = OpenApiDocument.JSON.readTree(response.getBody());

        List<String> texts = new ArrayList<>();
        body.path("errors").forEach(error -> texts.add(error.path("message").asString()));
        if (body.has("message")) {
            texts.add(body.path("message").asString());
        }
        if (body.has("decision")) {
            texts.add(body.path("decision").path("explanation").asString());
        }
        assertThat(texts).as("texts of %s", response.getBody()).isNotEmpty();
        assertThat(texts).as("texts of a %d answer", response.getStatusCode()).allSatisfy(text -> {
            if (languageCase.korean()) {
                assertThat(text).containsPattern(HANGUL);
            } else {
                assertThat(text).doesNotContainPattern(HANGUL);
            }
        });
    }

    // ------------------------------------------------------------------ checking one answer against the document

    /**
     * The answer's status is documented for the route; every header documented for it is present and matches its
     * schema; its media type is documented; its body validates against the documented schema; error codes are among
     * the answer's {@code x-error-codes}.
     */
    private static void assertConforms(String routeKey, APIGatewayV2HTTPResponse response) {
        String status = String.valueOf(response.getStatusCode());
        Map<String, Located> responses = api.responses(routeKey);
        assertThat(responses).as("documented answers of %s (got %s: %s)", routeKey, status, response.getBody())
                .containsKey(status);
        Located documented = responses.get(status);
        Map<String, String> headers = Headers.lowerCased(response.getHeaders());
        List<String> problems = new ArrayList<>();
        if (!"no-store".equals(headers.get("cache-control"))) {
            problems.add("every answer must have Cache-Control: no-store");
        }
        if (headers.containsKey("location") && !response.getBody().contains("\"statusUrl\":\"" + headers.get("location") + "\"")) {
            problems.add("Location must be the answer's statusUrl");
        }

        documented.node().path("headers").properties().forEach(entry -> {
            Located header = api.follow(new Located(documented.pointer() + "/headers/"
                    + OpenApiDocument.escape(entry.getKey()), entry.getValue()));
            String value = headers.get(entry.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                problems.add("header " + entry.getKey() + " is missing");
                return;
            }
            boolean integer = api.at(header.pointer() + "/schema").node().path("type").asString("").equals("integer");
            JsonNode instance = integer && value.matches("-?[0-9]{1,18}")
                    ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                    : JsonNodeFactory.instance.stringNode(value);
            api.problems(header.pointer() + "/schema", instance)
                    .forEach(problem -> problems.add("header " + entry.getKey() + "=" + value + ": " + problem));
        });

        JsonNode content = documented.node().path("content");
        String contentType = headers.getOrDefault("content-type", "");
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            problems.add("Content-Type " + contentType + " is not documented (" + content.propertyNames() + ")");
        } else if (response.getIsBase64Encoded()) {
            problems.add("the body is base64-encoded");
        } else {
            try {
                JsonNode body = OpenApiDocument.JSON.readTree(response.getBody());
                problems.addAll(api.problems(documented.pointer() + "/content/" + OpenApiDocument.escape(mediaType)
                        + "/schema", body));
                JsonNode allowedCodes = documented.node().path("x-error-codes");
                if (allowedCodes.isArray()) {
                    Set<String> allowed = new TreeSet<>();
                    allowedCodes.forEach(code -> allowed.add(code.asString()));
                    body.path("errors").forEach(error -> {
                        if (!allowed.contains(error.path("code").asString())) {
                            problems.add("error code " + error.path("code") + " is not among " + allowed);
                        }
                    });
                }
            } catch (JacksonException notJson) {
                problems.add("the body is not JSON: " + notJson.getOriginalMessage());
            }
        }
        assertThat(problems).as("%s %s answered with headers %s and body %s", routeKey, status, response.getHeaders(),
                response.getBody()).isEmpty();
    }

    /** Validates each example of each media type of a request body or response against that media type's schema. */
    private static int checkMediaTypeExamples(Located owner) {
        int checked = 0;
        for (String mediaType : owner.node().path("content").propertyNames()) {
            String media = owner.pointer() + "/content/" + OpenApiDocument.escape(mediaType);
            for (String name : api.at(media).node().path("examples").propertyNames()) {
                Located example = api.at(media + "/examples/" + OpenApiDocument.escape(name));
                assertThat(api.problems(media + "/schema", example.node().path("value")))
                        .as("example %s at %s", name, example.pointer()).isEmpty();
                checked++;
            }
        }
        return checked;
    }

    // ------------------------------------------------------------------ the request in the document

    /** The request body object of {@code POST /v1/reports}. */
    private static Located submitRequestBody() {
        return api.at(api.operation(SUBMIT).located().pointer() + "/requestBody");
    }

    /** The request body's JSON media type object (schema and examples). */
    private static Located submitMediaType() {
        return api.at(submitRequestBody().pointer() + "/content/" + OpenApiDocument.escape(JSON_MEDIA_TYPE));
    }

    /** Where the request body's schema is, {@code /paths/~1v1~1reports/post/requestBody/content/.../schema}. */
    private static String submitSchema() {
        return submitMediaType().pointer() + "/schema";
    }

    private static JsonNode requestExample(String name) {
        return submitMediaType().node().path("examples").path(name).path("value");
    }

    /** The document's first request example: the report the other cases change. */
    private static ObjectNode exampleReport() {
        String first = submitMediaType().node().path("examples").propertyNames().iterator().next();
        return (ObjectNode) requestExample(first).deepCopy();
    }

    private static String exampleBody() {
        return OpenApiDocument.JSON.writeValueAsString(exampleReport());
    }

    private static String mutatedExample(Consumer<ObjectNode> change) {
        ObjectNode report = exampleReport();
        change.accept(report);
        return OpenApiDocument.JSON.writeValueAsString(report);
    }

    private static ObjectNode reporterOf(ObjectNode report) {
        return (ObjectNode) report.get("reporter");
    }

    /** "field code" of each error, {@code null} printed as such. */
    private static List<String> errors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(
                (error.path("field").isString() ? error.path("field").asString() : "null") + " "
                        + error.path("code").asString()));
        return errors;
    }

    // ------------------------------------------------------------------ the handler and its events

    private static LocalCloud cloud() {
        return SharedLocalCloud.get();
    }

    private static Map<String, String> environment() {
        return cloud().functionEnvironment(FUNCTION);
    }

    private static synchronized ReportApiHandler handler() {
        if (handler == null) {
            handler = new ReportApiHandler(FunctionEnvironment.of(environment()), Clock.systemUTC());
        }
        return handler;
    }

    private static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler().handleRequest(event, LocalContext.forTest(FUNCTION));
    }

    /** The same handler with one configuration value changed, e.g. pointing at a queue that does not exist. */
    private static APIGatewayV2HTTPResponse handleWith(String name, String value, APIGatewayV2HTTPEvent event) {
        Map<String, String> changed = new HashMap<>(environment());
        changed.put(name, value);
        return new ReportApiHandler(FunctionEnvironment.of(changed), Clock.systemUTC())
                .handleRequest(event, LocalContext.forTest(FUNCTION));
    }

    /** {@code POST /v1/notices/subscriptions}: the submission fixture on the subscription route. */
    private static APIGatewayV2HTTPEvent subscribeEvent(String body, Map<String, String> headerChanges) {
        APIGatewayV2HTTPEvent event = submitEvent(body, headerChanges);
        event.setRouteKey(SUBSCRIBE);
        event.setRawPath("/v1/notices/subscriptions");
        return event;
    }

    /** {@code POST /v1/reports} from the fixture with another body; a header mapped to null is removed. */
    private static APIGatewayV2HTTPEvent submitEvent(String body, Map<String, String> headerChanges) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/submit-report.json");
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-length");
        headerChanges.forEach((name, value) -> {
            if (value == null) {
                headers.remove(name.toLowerCase(Locale.ROOT));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        event.setHeaders(headers);
        return event;
    }

    private static Map<String, String> withoutHeader(String name) {
        Map<String, String> changes = new HashMap<>();
        changes.put(name, null);
        return changes;
    }

    /** {@code GET /v1/reports/{reportId}} from the fixture; a null token or language sends no such header. */
    private static APIGatewayV2HTTPEvent statusEvent(String id, String token, String acceptLanguage) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/get-report-status.json");
        event.setPathParameters(Map.of("reportId", id));
        event.setRawPath("/v1/reports/" + id);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("x-tracking-token");
        if (token != null) {
            headers.put("x-tracking-token", token);
        }
        if (acceptLanguage != null) {
            headers.put("accept-language", acceptLanguage);
        }
        event.setHeaders(headers);
        return event;
    }

    /** The 202 body of the document's example, submitted now. */
    private static JsonNode submitted() {
        APIGatewayV2HTTPResponse response = handle(submitEvent(exampleBody(), Map.of()));
        assertThat(response.getStatusCode()).as("submission: %s", response.getBody()).isEqualTo(202);
        return OpenApiDocument.JSON.readTree(response.getBody());
    }

    private static final String POLICY_VERSION = "2022-10-15/v1";
    private static final Decision EXTENSION = new Decision(Outcome.EXTENSION, "paid-subscription.extension-3x",
            POLICY_VERSION, 0, 4230,
            "Your subscription to music was unavailable for 23 h 30 min. The terms of service give 3 times that as an"
                    + " extension: 70 h 30 min.",
            "구독 서비스(music)가 23시간 30분 동안 이용되지 않았습니다. 약관에 따라 그 3배인 70시간 30분을 연장해 드립니다.");
    private static final Decision PROOF_REVIEW = new Decision(Outcome.MANUAL_REVIEW, "free-service.proof-required",
            POLICY_VERSION, 0, 0,
            "You reported money lost while using a free service (42,000 KRW). Our staff will check the proof.",
            "무료 서비스 이용 중 발생한 금전 피해(42,000원)를 신고하셨습니다. 담당자가 증빙을 확인하겠습니다.");
    private static final Decision DOCUMENTS_REVIEW = new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review",
            POLICY_VERSION, 0, 0,
            "You reported a business loss of 620,000 KRW. Losses above 500,000 KRW are reviewed one by one with your sales records.",
            "신고하신 영업 손실은 620,000원입니다. 500,000원을 넘는 손실은 매출 자료로 개별 심사합니다.",
            0, false, 0, true);

    /**
     * A Korean report with this decision, triaged as the processor triages it but without the audit sample (so the
     * status is the decision's), then moved through {@code staffSteps}, and stored with this token's hash. The
     * decision is given rather than scored: this test is about what the status lookup answers, not the policy.
     */
    private static Report storeTriagedReport(Category category, String service, Long amountKrw, Decision decision,
                                             String token, ReportStatus expectedStatus, ReportStatus... staffSteps) {
        Incident incident = new IncidentCatalog().get(environment().get("ACTIVE_INCIDENT_ID"));
        ReportSubmission submission = new ReportSubmission(
                new Reporter("김민지", "minji.kim@example.com", null, null), Language.KO, service, category,
                Instant.parse("2022-10-15T06:30:00Z"), Instant.parse("2022-10-16T06:00:00Z"), amountKrw,
                "주말 내내 서비스를 이용하지 못했습니다.", true);
        Instant receivedAt = Instant.now();
        ReportId id = ReportId.newId(receivedAt, RANDOM);
        Report report = Report.received(id, incident.id(), submission, receivedAt, TrackingTokens.hash(token))
                .triaged(new Triage(AuditSample.none()).triage(id, submission, decision, Set.of(), Optional.empty()));
        assertThat(report.status()).as("the triaged status of this report").isEqualTo(expectedStatus);
        for (ReportStatus step : staffSteps) {
            report = report.movedTo(step);
        }
        dev.damagedesk.domain.audit.AuditEntry scored = dev.damagedesk.domain.audit.AuditChain.first(id, receivedAt,
                dev.damagedesk.domain.staff.Actor.function("ProcessorFunction"),
                dev.damagedesk.domain.audit.AuditAction.SCORED, dev.damagedesk.domain.audit.AuditState.of(report),
                null, null);
        assertThat(DynamoDbReportStore.readOnly(cloud().aws().dynamoDb(), environment().get("REPORTS_TABLE"))
                .insertIfAbsent(report, scored, receivedAt.plus(Duration.ofDays(1)))).isTrue();
        return report;
    }

    // ------------------------------------------------------------------ the codes the code can produce

    private static Set<String> stringConstants(Class<?> type) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                field.setAccessible(true);
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    /** What {@link RequestBody} answers for each kind of unusable body. */
    private static Set<String> requestBodyCodes() {
        Map<String, RequestBody.Parsed> answers = new LinkedHashMap<>();
        answers.put("not JSON", RequestBody.parse("text/plain", "{}", false));
        answers.put("too large", RequestBody.parse(JSON_MEDIA_TYPE, " ".repeat(RequestBody.MAX_BYTES + 1), false));
        answers.put("empty", RequestBody.parse(JSON_MEDIA_TYPE, "", false));
        answers.put("an array", RequestBody.parse(JSON_MEDIA_TYPE, "[]", false));
        answers.put("broken", RequestBody.parse(JSON_MEDIA_TYPE, "{", false));
        answers.put("bad base64", RequestBody.parse(JSON_MEDIA_TYPE, "%%%", true));
        Set<String> codes = new TreeSet<>();
        answers.forEach((name, parsed) -> {
            FieldError error;
            if (parsed instanceof RequestBody.Parsed.UnsupportedMediaType unsupported) {
                error = unsupported.error();
            } else if (parsed instanceof RequestBody.Parsed.TooLarge tooLarge) {
                error = tooLarge.error();
            } else if (parsed instanceof RequestBody.Parsed.Malformed malformed) {
                error = malformed.error();
            } else {
                throw new AssertionError("RequestBody accepted a body that is " + name);
            }
            codes.add(error.code());
        });
        return codes;
    }

    /** Codes written as literals where a FieldError is made: {@code new FieldError(field, "code", ...)}. */
    private static Set<String> literalCodesIn(Path sources) throws IOException {
        Pattern literal = Pattern.compile("new\\s+FieldError\\(\\s*[^,()]+,\\s*\"([^\"]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }
}

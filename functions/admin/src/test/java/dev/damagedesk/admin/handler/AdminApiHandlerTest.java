package dev.damagedesk.admin.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.incident.PolicyCatalog;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.message.JobPageMessage;
import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.application.incident.DecideDetectedIncident;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.memory.InMemoryDetectedIncidents;
import dev.damagedesk.application.memory.InMemoryExportFiles;
import dev.damagedesk.application.memory.InMemoryIncidentRecords;
import dev.damagedesk.application.memory.InMemoryMessageQueues;
import dev.damagedesk.application.memory.InMemoryNoticeSubscriptions;
import dev.damagedesk.application.memory.InMemoryOperationsTrail;
import dev.damagedesk.application.memory.InMemoryStaffJobQueue;
import dev.damagedesk.application.memory.InMemoryStaffJobs;
import dev.damagedesk.application.memory.InMemorySurgeStates;
import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.application.port.OutageNoticePages;
import dev.damagedesk.application.port.OutageNotices;
import dev.damagedesk.application.port.RecentReports;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.RescorePages;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.DashboardFigures;
import dev.damagedesk.application.staff.DeadLetters;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.application.staff.ExportJobs;
import dev.damagedesk.application.staff.JobPage;
import dev.damagedesk.application.staff.ReportDetails;
import dev.damagedesk.application.staff.StaffFixtures;
import dev.damagedesk.application.staff.StaffQueue;
import dev.damagedesk.application.staff.StandInDecider;
import dev.damagedesk.application.testing.UseCaseFixtures;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The admin handler driven by API Gateway payload 2.0 event fixtures whose JWT claims are set as the authorizer
 * sets them; the use cases run over the in-memory ports.
 */
class AdminApiHandlerTest {

    private final StaffFixtures fixtures = new StaffFixtures();
    private final InMemoryStaffJobs jobs = new InMemoryStaffJobs();
    private final InMemoryStaffJobQueue jobQueue = new InMemoryStaffJobQueue();
    private final InMemoryExportFiles files = new InMemoryExportFiles();
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-19T02:16:10Z"), ZoneOffset.UTC);
    private final StandInDecider decider = new StandInDecider(fixtures.store);
    private final InMemoryMessageQueues messageQueues = new InMemoryMessageQueues(Map.of("IntakeQueue", "IntakeDeadLetterQueue"));
    private final List<String> redriven = new ArrayList<>();
    private final List<RescorePages.RescorePage> rescorePages = new ArrayList<>();
    /** The fixtures' reports are of service "pay", which the bundled ledger does not have. */
    private final InMemorySurgeStates surgeStates = new InMemorySurgeStates();
    private final InMemoryIncidentRecords dashboardIncidents = new InMemoryIncidentRecords(new Incident("2022-10-15",
            "fixture", List.of(new ServiceOutage("pay", null, StaffFixtures.T0, StaffFixtures.T0.plusSeconds(3600), false),
                    new ServiceOutage("taxi", null, StaffFixtures.T0, StaffFixtures.T0.plusSeconds(3600), false))));
    private final InMemoryIncidentRecords incidents = new InMemoryIncidentRecords(new IncidentCatalog().get("2022-10-15"));
    private final InMemoryDetectedIncidents detected = new InMemoryDetectedIncidents();
    private final List<OutageNoticePages.OutageNoticePage> outagePages = new ArrayList<>();
    private final List<OutageNotices.OutageNotice> outageNotices = new ArrayList<>();
    private final OutageNoticeFanOut fanOut = new OutageNoticeFanOut(detected, fixtures.store,
            new InMemoryNoticeSubscriptions(), outageNotices::addAll, outagePages::add);
    private final InMemoryOperationsTrail operationsTrail = new InMemoryOperationsTrail();
    private final AuditOperations operations = new AuditOperations(operationsTrail);
    private final AdminServices services = services(fixtures.store);
    private final PowertoolsTelemetry telemetry = PowertoolsTelemetry.forFunction(FunctionEnvironment.of(Map.of(
            PowertoolsTelemetry.NAMESPACE_VARIABLE, "DamageDesk", PowertoolsTelemetry.SERVICE_VARIABLE, "damagedesk")));
    private final AdminApiHandler handler = new AdminApiHandler(services, telemetry);

    private AdminServices services(ReportStore store) {
        ReportDetails.AllowedActions allowed = (actor, stored) -> actor.role().atLeast(StaffRole.REVIEWER)
                && stored.report().status() == ReportStatus.NEEDS_REVIEW
                ? EnumSet.of(StaffAction.APPROVE, StaffAction.REJECT) : EnumSet.noneOf(StaffAction.class);
        return new AdminServices(new StaffQueue(store, fixtures.contacts,
                        dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS),
                new ReportDetails(store, new ReportChanges(store, fixtures.trail, Duration.ofDays(1095), clock), fixtures.contacts,
                        dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS, allowed),
                new VerifyAuditChain(store, fixtures.trail, new UseCaseFixtures.FakeIncidents(null)), decider,
                new BulkDecisions(store, jobs, jobQueue, decider, clock),
                new ExportJobs(store, jobs, jobQueue, files, clock, 4096), jobs,
                new DeadLetters(messageQueues, (actor, report, detail) -> redriven.add(report.value()), clock),
                new DashboardFigures(dashboardIncidents, store instanceof RecentReports recent ? recent
                        : (incident, service, from, to, limit) -> List.of(), surgeStates, clock),
                new IncidentLedgers(incidents, clock), new PolicyVersions(incidents, rescorePages::add, clock),
                clock, 100_000, StaffFixtures.INCIDENT,
                new DecideDetectedIncident(detected, incidents, id -> new PolicyCatalog().latest(id), fanOut, clock,
                        operations), fanOut, operations,
                new EraseReporterData(store, new ReportChanges(store, fixtures.trail, Duration.ofDays(1095), clock),
                        fixtures.contacts, dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[viewer]", "[viewer reviewer]", "[\"supervisor\",\"viewer\"]", "[other reviewer]"})
    void meAnswersTheHighestStaffRoleOfTheGroupsInEitherFormat(String groups) {
        Map<String, Object> body = okBody(handle(withGroups(event("GET /v1/admin/me", null), groups)));

        String expected = groups.contains("supervisor") ? "supervisor" : groups.contains("reviewer") ? "reviewer" : "viewer";
        assertThat(body).containsEntry("role", expected).containsEntry("username", "reviewer@damagedesk.example")
                .containsEntry("userId", "7b1c5a3e-2f4d-4e6a-9b8c-1d2e3f4a5b6c");
        assertThat(body.get("decisionLimitKrw")).isEqualTo(expected.equals("supervisor") ? null : 100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "[admins]"})
    void aTokenWithoutAStaffGroupIsForbiddenOnEveryRoute(String groups) {
        APIGatewayV2HTTPResponse response = handle(withGroups(EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json"), groups));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(errors(response)).extracting(error -> error.get("code")).containsExactly("forbidden");
    }

    @Test
    void theQueueAnswersPagesOfSummariesWithACursor() {
        StoredReport first = fixtures.needsReview(0, 1_000);
        StoredReport second = fixtures.needsReview(1, 2_000);
        StoredReport third = fixtures.needsReview(2, 3_000);
        fixtures.stored(3, ReportStatus.AUTO_APPROVED, 1_000, "x@example.com", null, "x", null);

        Map<String, Object> page = okBody(handle(EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json")));
        assertThat(ids(page)).containsExactly(first.report().id().value(), second.report().id().value());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(row).containsEntry("version", 1).containsEntry("status", "NEEDS_REVIEW").containsKey("priority")
                .doesNotContainKey("submission");

        APIGatewayV2HTTPEvent next = EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json");
        next.getQueryStringParameters().put("cursor", (String) page.get("nextCursor"));
        Map<String, Object> last = okBody(handle(next));
        assertThat(ids(last)).containsExactly(third.report().id().value());
        assertThat(last.get("nextCursor")).isNull();
    }

    @Test
    void badQueueParametersAreFieldErrorsInTheCallersLanguage() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json");
        event.setQueryStringParameters(new HashMap<>(Map.of("status", "LOST", "limit", "1000", "from", "yesterday",
                "colour", "red")));
        event.getHeaders().put("accept-language", "ko");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errors(response)).extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("colour", "status", "from", "limit");
        assertThat(errors(response)).allSatisfy(error -> assertThat((String) error.get("message")).matches(".*[가-힣].*"));
    }

    @Test
    void aReporterIsFoundByEmailOrPhoneAndTheQueryMustNameExactlyOne() {
        StoredReport mine = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", "010-1234-5678", "x", null);
        fixtures.needsReview(1, 1_000);

        APIGatewayV2HTTPEvent byEmail = event("GET /v1/admin/reports/search", null);
        byEmail.setQueryStringParameters(Map.of("email", "Minji+outage@Example.com"));
        APIGatewayV2HTTPEvent byPhone = event("GET /v1/admin/reports/search", null);
        byPhone.setQueryStringParameters(Map.of("phone", "+82 10-1234-5678"));
        APIGatewayV2HTTPEvent both = event("GET /v1/admin/reports/search", null);
        both.setQueryStringParameters(Map.of("phone", "010", "email", "a@b.c"));

        assertThat(ids(okBody(handle(byEmail)))).containsExactly(mine.report().id().value());
        assertThat(ids(okBody(handle(byPhone)))).containsExactly(mine.report().id().value());
        assertThat(handle(both).getStatusCode()).isEqualTo(400);
    }

    @Test
    void theDetailCarriesWhatTheReporterTypedAsTypedAndWhatTheCallerMayDo() {
        StoredReport report = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", null,
                "<img src=x onerror=alert(1)> 환불", null);

        Map<String, Object> detail = okBody(handle(detailEvent(report, "[reviewer]")));
        Map<String, Object> asViewer = okBody(handle(detailEvent(report, "[viewer]")));

        @SuppressWarnings("unchecked")
        Map<String, Object> submission = (Map<String, Object>) detail.get("submission");
        assertThat(submission).containsEntry("description", "<img src=x onerror=alert(1)> 환불");
        assertThat(detail.get("allowedActions")).isEqualTo(List.of("approve", "reject"));
        assertThat(asViewer.get("allowedActions")).isEqualTo(List.of());
        assertThat((List<?>) detail.get("audit")).hasSize(1);
    }

    @Test
    void theAuditRouteAnswersTheEntriesAndWhetherTheChainIsIntact() {
        // Stored through ReportChanges: a real hash chain. The fixture's own reports carry a made-up first hash.
        StoredReport chained = new ReportChanges(fixtures.store, fixtures.trail, Duration.ofDays(1095), clock)
                .store(new StaffFixtures().needsReview(5, 1_000).report(), StaffFixtures.PROCESSOR, AuditAction.SCORED).report();
        StoredReport forged = fixtures.needsReview(0, 1_000);

        Map<String, Object> intact = okBody(handle(auditEvent(chained.report().id().value())));
        Map<String, Object> broken = okBody(handle(auditEvent(forged.report().id().value())));
        APIGatewayV2HTTPResponse unknown = handle(auditEvent("01ARZ3NDEKTSV4RRFFQ69G5FAV"));

        assertThat((List<?>) intact.get("entries")).hasSize(1);
        Map<String, Object> intactChain = new HashMap<>();
        intactChain.put("intact", true);
        intactChain.put("firstBrokenSequence", null);
        intactChain.put("problem", null);
        assertThat(intact.get("chain")).isEqualTo(intactChain);
        assertThat(broken.get("chain")).isEqualTo(Map.of("intact", false, "firstBrokenSequence", 1, "problem", "hash-mismatch"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
    }

    private APIGatewayV2HTTPEvent auditEvent(String reportId) {
        APIGatewayV2HTTPEvent event = withGroups(event("GET /v1/admin/reports/{reportId}/audit", null), "[viewer]");
        event.setPathParameters(Map.of("reportId", reportId));
        return event;
    }

    @ParameterizedTest
    @ValueSource(strings = {"01ARZ3NDEKTSV4RRFFQ69G5FAV", "not-an-id", "../../etc"})
    void anUnknownOrMalformedReportIdIsNotFound(String id) {
        APIGatewayV2HTTPEvent event = event("GET /v1/admin/reports/{reportId}", null);
        event.setPathParameters(Map.of("reportId", id));

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(errors(response)).extracting(error -> error.get("field")).containsExactly("reportId");
    }

    @Test
    void aDecisionWithTheCurrentVersionIsMadeAndAStaleOneIsRefusedWith409() {
        StoredReport report = fixtures.needsReview(0, 1_000);

        APIGatewayV2HTTPResponse decided = handle(decisionEvent(report, "{\"action\":\"approve\",\"version\":1}", "[reviewer]"));
        APIGatewayV2HTTPResponse stale = handle(decisionEvent(report, "{\"action\":\"reject\",\"version\":1,\"reason\":\"x\"}", "[reviewer]"));

        assertThat(decided.getStatusCode()).isEqualTo(200);
        assertThat(Json.parseObject(decided.getBody())).containsEntry("status", "APPROVED").containsEntry("version", 2);
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(errors(stale)).extracting(error -> error.get("code")).containsExactly("stale-version");
        assertThat(errors(stale).get(0).get("message")).asString().contains("다시 불러온");
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().report().status()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void aViewerCannotDecideAndAReviewerCannotDecideAboveTheLimit() {
        StoredReport small = fixtures.needsReview(0, 1_000);
        StoredReport large = fixtures.needsReview(1, 500_000);

        APIGatewayV2HTTPResponse viewer = handle(decisionEvent(small, "{\"action\":\"approve\",\"version\":1}", "[viewer]"));
        APIGatewayV2HTTPResponse overLimit = handle(decisionEvent(large, "{\"action\":\"approve\",\"version\":1}", "[reviewer]"));
        APIGatewayV2HTTPResponse supervisor = handle(decisionEvent(large, "{\"action\":\"approve\",\"version\":1}", "[supervisor]"));

        assertThat(viewer.getStatusCode()).isEqualTo(403);
        assertThat(errors(viewer)).extracting(error -> error.get("code")).containsExactly("forbidden");
        assertThat(overLimit.getStatusCode()).isEqualTo(403);
        assertThat(errors(overLimit)).extracting(error -> error.get("code")).containsExactly("over-decision-limit");
        assertThat(supervisor.getStatusCode()).isEqualTo(200);
        assertThat(fixtures.store.find(small.report().id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aTransitionTheTableRefusesIs409() {
        StoredReport approved = fixtures.stored(0, ReportStatus.AUTO_APPROVED, 1_000, "a@example.com", null, "x", null);

        APIGatewayV2HTTPResponse response = handle(decisionEvent(approved, "{\"action\":\"approve\",\"version\":1}", "[reviewer]"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(errors(response)).extracting(error -> error.get("code")).containsExactly("transition-not-allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1]", "{\"action\":\"pay-twice\",\"version\":1}", "{\"action\":\"approve\"}",
            "{\"action\":\"approve\",\"version\":0}", "{\"action\":\"approve\",\"version\":1.5}",
            "{\"action\":\"approve\",\"version\":1,\"deadline\":\"soon\"}", "{\"action\":\"approve\",\"version\":1,\"extra\":1}"})
    void aMalformedDecisionIsA400WithFieldErrorsAndChangesNothing(String body) {
        StoredReport report = fixtures.needsReview(0, 1_000);

        APIGatewayV2HTTPResponse response = handle(decisionEvent(report, body, "[supervisor]"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errors(response)).isNotEmpty().allSatisfy(error -> assertThat(error).containsKeys("field", "code", "message"));
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void theDecisionFixtureIsAcceptedAsAPIGatewaySendsIt() {
        StoredReport report = fixtures.needsReview(0, 1_000);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/admin-post-decision.json");
        event.setPathParameters(Map.of("reportId", report.report().id().value()));

        assertThat(handle(event).getStatusCode()).isEqualTo(200);
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().lastEntry().reason()).isEqualTo("영수증 확인");
    }

    // ------------------------------------------------------------------ erasure

    /** A report stored through ReportChanges (a real hash chain), in review, from minji@example.com. */
    private StoredReport chainedReport() {
        StaffFixtures other = new StaffFixtures();
        StoredReport template = other.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com",
                "010-1234-5678", "김민지 010-1234-5678 환불 부탁", null);
        StoredReport stored = new ReportChanges(fixtures.store, fixtures.trail, Duration.ofDays(1095), clock)
                .store(template.report(), StaffFixtures.PROCESSOR, AuditAction.SCORED).report();
        fixtures.contacts.add(stored.report());
        return stored;
    }

    private static APIGatewayV2HTTPEvent erasureEvent(StoredReport report, String body, String groups) {
        APIGatewayV2HTTPEvent event = withGroups(EventLoader.loadApiGatewayHttpEvent("events/admin-post-erasure.json"),
                groups);
        event.setPathParameters(Map.of("reportId", report.report().id().value()));
        if (body != null) {
            event.setBody(body);
        }
        return event;
    }

    @Test
    void aSupervisorErasesTheReportersDataFromTheFixtureAndTheDetailTrailAndSearchShowNoneOfIt() {
        StoredReport report = chainedReport();
        APIGatewayV2HTTPEvent search = event("GET /v1/admin/reports/search", null);
        search.setQueryStringParameters(Map.of("email", "minji@example.com"));
        assertThat(ids(okBody(handle(search)))).containsExactly(report.report().id().value());

        APIGatewayV2HTTPResponse erased = handle(erasureEvent(report, null, "[supervisor]"));
        APIGatewayV2HTTPResponse again = handle(erasureEvent(report, null, "[supervisor]"));

        assertThat(erased.getStatusCode()).isEqualTo(200);
        Map<String, Object> detail = Json.parseObject(erased.getBody());
        assertThat(detail).containsEntry("version", 2).containsEntry("status", "NEEDS_REVIEW")
                .containsEntry("personalDataErased", true);
        assertThat(erased.getBody()).doesNotContain("minji", "김민지", "1234-5678", "환불 부탁");
        assertThat(detail.get("submission").toString()).contains("name=[erased]", "email=[erased]", "phone=null",
                "description=[erased]");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(erased.getBody());
        Map<String, Object> audit = okBody(handle(auditEvent(report.report().id().value())));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) audit.get("entries");
        assertThat(entries).extracting(entry -> entry.get("action")).containsExactly("SCORED", "PERSONAL_DATA_ERASED");
        assertThat(entries.get(1)).containsEntry("reason", "RETENTION_ENDED")
                .containsEntry("actor", Map.of("kind", "STAFF", "id", "3e9a1c7b-5d2f-4b6a-8c1d-9e0f1a2b3c4d",
                        "name", "supervisor@damagedesk.example", "role", "supervisor"));
        assertThat(audit.get("chain")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("intact", true);
        assertThat(ids(okBody(handle(search)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[viewer]", "[reviewer]"})
    void onlyASupervisorErases(String groups) {
        StoredReport report = chainedReport();

        APIGatewayV2HTTPResponse refused = handle(erasureEvent(report, null, groups));

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(errors(refused)).extracting(error -> error.get("code")).containsExactly("forbidden");
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().report().personalDataErased()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"reason\":\"REQUEST\"}", "{\"reason\":\"BORED\",\"version\":1}",
            "{\"reason\":\"request\",\"version\":1}", "{\"reason\":\"REQUEST\",\"version\":0}",
            "{\"reason\":\"REQUEST\",\"version\":1,\"email\":\"x@y.z\"}", "[1]"})
    void aMalformedErasureIsA400AndErasesNothing(String body) {
        StoredReport report = chainedReport();

        APIGatewayV2HTTPResponse response = handle(erasureEvent(report, body, "[supervisor]"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errors(response)).isNotEmpty().allSatisfy(error -> assertThat(error).containsKeys("field", "code", "message"));
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aStaleVersionIs409AndAnUnknownReportIs404() {
        StoredReport report = chainedReport();

        APIGatewayV2HTTPResponse stale = handle(erasureEvent(report, "{\"reason\":\"REQUEST\",\"version\":7}", "[supervisor]"));
        APIGatewayV2HTTPEvent unknownEvent = erasureEvent(report, null, "[supervisor]");
        unknownEvent.setPathParameters(Map.of("reportId", "01ARZ3NDEKTSV4RRFFQ69G5FAV"));

        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(errors(stale)).extracting(error -> error.get("code")).containsExactly("stale-version");
        assertThat(handle(unknownEvent).getStatusCode()).isEqualTo(404);
        assertThat(fixtures.store.find(report.report().id()).orElseThrow().report().personalDataErased()).isFalse();
    }

    @Test
    void aBulkDecisionIsDryRunThenRunAsAJobByTheWorkerAndItsProgressIsVisible() {
        for (int i = 0; i < 30; i++) {
            fixtures.needsReview(i, 1_000);
        }
        String filter = "\"filter\":{\"status\":\"NEEDS_REVIEW\",\"incident\":\"2022-10-15\"},\"action\":\"approve\",\"reason\":\"bulk\"";

        Map<String, Object> dryRun = okBody(handle(event("POST /v1/admin/bulk-decisions", "{" + filter + ",\"dryRun\":true}")));
        APIGatewayV2HTTPResponse started = handle(event("POST /v1/admin/bulk-decisions", "{" + filter + ",\"dryRun\":false}"));
        String jobId = (String) Json.parseObject(started.getBody()).get("jobId");
        int pages = drainWithTheWorker();
        APIGatewayV2HTTPEvent jobEvent = event("GET /v1/admin/jobs/{jobId}", null);
        jobEvent.setPathParameters(Map.of("jobId", jobId));
        Map<String, Object> job = okBody(handle(jobEvent));

        assertThat(dryRun).containsEntry("reports", 30).containsEntry("amountKrw", 30_000);
        assertThat(started.getStatusCode()).isEqualTo(202);
        assertThat(pages).isEqualTo(2);
        assertThat(job).containsEntry("status", "DONE").containsEntry("processed", 30).containsEntry("kind", "BULK_DECISION");
        assertThat(decider.decided).hasSize(30);
    }

    @Test
    void anExportWithPersonalDataIsForSupervisorsAndItsLinkAppearsWhenDone() {
        fixtures.needsReview(0, 1_000);
        String personal = "{\"filter\":{\"status\":\"NEEDS_REVIEW\"},\"includePersonalData\":true}";

        APIGatewayV2HTTPResponse refused = handle(withGroups(event("POST /v1/admin/exports", personal), "[reviewer]"));
        APIGatewayV2HTTPResponse started = handle(withGroups(event("POST /v1/admin/exports", personal), "[supervisor]"));
        String jobId = (String) Json.parseObject(started.getBody()).get("jobId");
        drainWithTheWorker();
        APIGatewayV2HTTPEvent asViewer = withGroups(event("GET /v1/admin/jobs/{jobId}", null), "[viewer]");
        asViewer.setPathParameters(Map.of("jobId", jobId));
        APIGatewayV2HTTPEvent asSupervisor = withGroups(event("GET /v1/admin/jobs/{jobId}", null), "[supervisor]");
        asSupervisor.setPathParameters(Map.of("jobId", jobId));

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(started.getStatusCode()).isEqualTo(202);
        assertThat(handle(asViewer).getStatusCode()).isEqualTo(403);
        assertThat(okBody(handle(asSupervisor))).containsEntry("status", "DONE").containsKey("downloadUrl");
        assertThat(new String(files.object("exports/" + jobId + ".csv").orElseThrow(), StandardCharsets.UTF_8))
                .contains("reporter1@example.com");
    }

    @Test
    void anUnavailableTableIsA503WithRetryAfter() {
        ReportStore down = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
                new Class<?>[] {ReportStore.class}, (proxy, method, args) -> {
                    throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
                });
        AdminApiHandler withoutTable = new AdminApiHandler(services(down), telemetry);

        APIGatewayV2HTTPResponse response = withoutTable.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json"), LocalContext.forTest("AdminFunction"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(errors(response)).extracting(error -> error.get("code")).containsExactly("temporarily_unavailable");
    }

    @Test
    void aJobPageThatCannotBeReadIsReturnedAsABatchItemFailure() {
        SQSEvent batch = EventLoader.loadSQSEvent("events/staff-job-batch.json");
        batch.getRecords().get(0).setBody("{\"schema\":\"staff-job-page/1\",\"jobId\":\"nope\",\"page\":1}");

        SQSBatchResponse response = new StaffJobHandler(services.jobWork(), telemetry).handleRequest(batch, LocalContext.forTest("StaffJobFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("3f1c9a2e-5b7d-4e8f-a1c2-d3e4f5a6b7c8");
    }

    @Test
    void aSupervisorRedrivesADeadLetterQueueAndTheDashboardShowsTheQueues() {
        messageQueues.put("IntakeDeadLetterQueue", "{\"schema\":\"report-submitted/1\",\"reportId\":\"01GFM4V7Q2S8W3N5K6P9R0T1X2\"}");
        APIGatewayV2HTTPEvent redrive = withGroups(event("POST /v1/admin/dead-letters/{queue}/redrive", null), "[supervisor]");
        redrive.setPathParameters(Map.of("queue", "IntakeDeadLetterQueue"));
        APIGatewayV2HTTPEvent asReviewer = withGroups(event("POST /v1/admin/dead-letters/{queue}/redrive", null), "[reviewer]");
        asReviewer.setPathParameters(Map.of("queue", "IntakeDeadLetterQueue"));
        APIGatewayV2HTTPEvent unknown = withGroups(event("POST /v1/admin/dead-letters/{queue}/redrive", null), "[supervisor]");
        unknown.setPathParameters(Map.of("queue", "IntakeQueue"));

        Map<String, Object> before = okBody(handle(event("GET /v1/admin/dead-letters", null)));
        assertThat(handle(asReviewer).getStatusCode()).isEqualTo(403);
        assertThat(handle(unknown).getStatusCode()).isEqualTo(404);
        Map<String, Object> result = okBody(handle(redrive));
        Map<String, Object> dashboard = okBody(handle(event("GET /v1/admin/dashboard", null)));

        assertThat(before.get("queues")).isEqualTo(List.of(Map.of("queue", "IntakeDeadLetterQueue", "source", "IntakeQueue", "messages", 1)));
        assertThat(result).containsEntry("messages", 1).containsEntry("aboutReports", 1).containsEntry("remaining", false);
        assertThat(redriven).containsExactly("01GFM4V7Q2S8W3N5K6P9R0T1X2");
        assertThat(messageQueues.messagesOf("IntakeQueue")).hasSize(1);
        assertThat(dashboard.get("queues").toString()).contains("queue=IntakeQueue", "depth=1", "oldestMessageAgeSeconds=null");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardShowsTheSurgeModeAndTheLastSwitchesWithTheirFigures() {
        Map<String, Object> before = (Map<String, Object>) okBody(handle(event("GET /v1/admin/dashboard", null))).get("surge");
        Instant on = Instant.parse("2022-10-19T01:40:00Z");
        surgeStates.recordSwitch(new SurgeSwitch(on, SurgeMode.SURGE, "backlog 6000 >= 5000", 4_200, 900, 6_000,
                Duration.ofSeconds(95), 57, 14.0));
        surgeStates.publish(new SurgeState(SurgeMode.SURGE, on, Duration.ofSeconds(480), Instant.parse("2022-10-19T02:16:00Z")));

        Map<String, Object> surge = (Map<String, Object>) okBody(handle(withGroups(event("GET /v1/admin/dashboard", null),
                "[viewer]"))).get("surge");

        assertThat(before).containsEntry("mode", "NORMAL").containsEntry("since", null)
                .containsEntry("expectedProcessingSeconds", null).containsEntry("switches", List.of());
        assertThat(surge).containsEntry("mode", "SURGE").containsEntry("since", "2022-10-19T01:40:00Z")
                .containsEntry("expectedProcessingSeconds", 480).containsEntry("updatedAt", "2022-10-19T02:16:00Z");
        // the JSON reader's number types aside, the row as written
        assertThat((List<Map<String, Object>>) surge.get("switches")).singleElement()
                .satisfies(row -> assertThat(new java.util.TreeMap<>(row).toString()).isEqualTo("{arrivalsPerMinute=4200,"
                        + " at=2022-10-19T01:40:00Z, backlog=6000, emailsPerSecond=14.0, oldestWaitSeconds=95,"
                        + " processedPerMinute=900, processorConcurrency=57, reason=backlog 6000 >= 5000, to=SURGE}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardCountsTheIncidentsReportsOfTheLast48HoursByServiceStatusReasonAndRule() {
        // The clock is 2022-10-19T02:16:10Z; the fixtures' minute 0 is 2022-10-16T00:00Z.
        fixtures.needsReview(4455, 1_000);                                                     // 02:15 today
        fixtures.stored(4454, ReportStatus.AUTO_APPROVED, 2_000, "a@example.com", null, "x", null); // 02:14
        fixtures.needsReview(4000, 500_000);                                                   // 18:40 the day before
        fixtures.needsReview(100, 7_000);                                                      // three days ago: outside

        Map<String, Object> body = okBody(handle(withGroups(event("GET /v1/admin/dashboard", null), "[viewer]")));
        APIGatewayV2HTTPEvent unknown = event("GET /v1/admin/dashboard", null);
        unknown.setQueryStringParameters(Map.of("incident", "nope"));
        APIGatewayV2HTTPEvent extra = event("GET /v1/admin/dashboard", null);
        extra.setQueryStringParameters(Map.of("colour", "red"));

        assertThat(body).containsEntry("incidentId", "2022-10-15").containsEntry("truncated", false)
                .containsEntry("from", "2022-10-17T03:00:00Z");
        assertThat(body.get("countsByStatus")).isEqualTo(Map.of("NEEDS_REVIEW", 2, "AUTO_APPROVED", 1));
        assertThat(body.get("countsByReason")).isEqualTo(Map.of("manual-review", 3));
        assertThat(body.get("moneyByRule")).isEqualTo(Map.of("failed-purchase.refund", 503_000));
        List<Map<String, Object>> perMinute = (List<Map<String, Object>>) body.get("reportsPerMinute");
        assertThat(perMinute).hasSize(60);
        assertThat(perMinute.get(59)).isEqualTo(Map.of("at", "2022-10-19T02:16:00Z", "byService", Map.of("pay", 0, "taxi", 0)));
        assertThat(perMinute.get(58)).isEqualTo(Map.of("at", "2022-10-19T02:15:00Z", "byService", Map.of("pay", 1, "taxi", 0)));
        assertThat(perMinute.get(57).get("byService")).isEqualTo(Map.of("pay", 1, "taxi", 0));
        List<Map<String, Object>> perHour = (List<Map<String, Object>>) body.get("reportsPerHour");
        assertThat(perHour).hasSize(48);
        assertThat(perHour.get(47)).isEqualTo(Map.of("at", "2022-10-19T02:00:00Z", "byService", Map.of("pay", 2, "taxi", 0)));
        assertThat(perHour.stream().filter(hour -> hour.get("at").equals("2022-10-18T18:00:00Z")).findFirst().orElseThrow()
                .get("byService")).isEqualTo(Map.of("pay", 1, "taxi", 0));
        assertThat(body).containsKeys("queues", "deadLetters");
        assertThat(handle(unknown).getStatusCode()).isEqualTo(404);
        assertThat(handle(extra).getStatusCode()).isEqualTo(400);
    }

    @Test
    void aSupervisorImportsALedgerAndPublishesAPolicyVersionAndOthersMayOnlyRead() {
        String ledger = handle(incidentEvent("GET /v1/admin/incidents/{incidentId}",
                "2022-10-15", null, "[viewer]")).getBody();
        Map<String, Object> policy = new HashMap<>(PolicyDocuments.toMap(new PolicyCatalog().get("2022-10-15", 1)));
        policy.put("version", 2);
        String publish = Json.write(Map.of("document", policy, "dryRun", false));

        APIGatewayV2HTTPResponse refused = handle(incidentEvent("PUT /v1/admin/incidents/{incidentId}", "copy-2022", ledger, "[reviewer]"));
        APIGatewayV2HTTPResponse imported = handle(incidentEvent("PUT /v1/admin/incidents/{incidentId}", "copy-2022", ledger, "[supervisor]"));
        APIGatewayV2HTTPResponse broken = handle(incidentEvent("PUT /v1/admin/incidents/{incidentId}", "broken", "{\"outages\":1}", "[supervisor]"));
        APIGatewayV2HTTPResponse unknown = handle(incidentEvent("GET /v1/admin/incidents/{incidentId}", "nope", null, "[viewer]"));
        APIGatewayV2HTTPResponse dryRun = handle(incidentEvent("POST /v1/admin/incidents/{incidentId}/policies", "2022-10-15",
                Json.write(Map.of("document", policy)), "[supervisor]"));
        APIGatewayV2HTTPResponse published = handle(incidentEvent("POST /v1/admin/incidents/{incidentId}/policies", "2022-10-15",
                publish, "[supervisor]"));

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(imported.getStatusCode()).isEqualTo(200);
        assertThat(Json.parseObject(imported.getBody())).isEqualTo(Json.parseObject(ledger));
        assertThat(broken.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(okBody(dryRun)).containsEntry("valid", true);
        assertThat(okBody(published)).containsEntry("policyVersion", "2022-10-15/v2").containsEntry("active", true);
        assertThat(rescorePages).isNotEmpty().allSatisfy(page -> assertThat(page.policyVersion()).isEqualTo(2));
    }

    @Test
    void aViewerListsTheIncidentsAndAnIncidentsPolicyVersionsWithTheActiveOneMarked() {
        Map<String, Object> policy = new HashMap<>(PolicyDocuments.toMap(new PolicyCatalog().get("2022-10-15", 1)));
        policy.put("version", 2);
        String ledger = handle(incidentEvent("GET /v1/admin/incidents/{incidentId}", "2022-10-15", null, "[viewer]")).getBody();
        assertThat(handle(incidentEvent("PUT /v1/admin/incidents/{incidentId}", "copy-2022", ledger, "[supervisor]"))
                .getStatusCode()).isEqualTo(200);
        Map<String, Object> before = okBody(handle(incidentEvent("GET /v1/admin/incidents/{incidentId}/policies",
                "2022-10-15", null, "[viewer]")));
        assertThat(handle(incidentEvent("POST /v1/admin/incidents/{incidentId}/policies", "2022-10-15",
                Json.write(Map.of("document", policy, "dryRun", false)), "[supervisor]")).getStatusCode()).isEqualTo(200);

        Map<String, Object> list = okBody(handle(withGroups(event("GET /v1/admin/incidents", null), "[viewer]")));
        Map<String, Object> after = okBody(handle(incidentEvent("GET /v1/admin/incidents/{incidentId}/policies",
                "2022-10-15", null, "[viewer]")));
        APIGatewayV2HTTPResponse unknown = handle(incidentEvent("GET /v1/admin/incidents/{incidentId}/policies",
                "nope", null, "[viewer]"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> incidentsListed = (List<Map<String, Object>>) list.get("items");
        assertThat(incidentsListed).extracting(item -> item.get("incidentId")).containsExactly("2022-10-15", "copy-2022");
        assertThat(incidentsListed.get(0)).containsEntry("activePolicyVersion", 2).containsEntry("status", "ACTIVE");
        assertThat(incidentsListed.get(0).get("services").toString()).contains("music", "taxi");
        assertThat(before.get("items").toString()).contains("version=1", "active=true", "bundled=true");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) after.get("items");
        assertThat(versions).extracting(item -> item.get("policyVersion")).containsExactly("2022-10-15/v1", "2022-10-15/v2");
        assertThat(versions).extracting(item -> item.get("active")).containsExactly(false, true);
        assertThat(versions.get(1)).containsEntry("publishedAt", clock.instant().toString()).containsEntry("bundled", false);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
    }

    private APIGatewayV2HTTPEvent incidentEvent(String route, String incidentId, String body, String groups) {
        APIGatewayV2HTTPEvent event = withGroups(event(route, body), groups);
        event.setPathParameters(Map.of("incidentId", incidentId));
        return event;
    }

    // ------------------------------------------------------------------ detected incidents

    /** A draft of the fixtures' service, first seen three hours before the clock: long enough to be notified. */
    private DetectedIncident draft() {
        Instant firstSeen = clock.instant().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        DetectedIncident draft = DetectedIncident.detected(StaffFixtures.INCIDENT,
                List.of(new ServiceSpike("messenger", Map.of(firstSeen, 40L, firstSeen.plusSeconds(60), 70L))));
        detected.create(draft);
        return draft;
    }

    private APIGatewayV2HTTPEvent detectedEvent(String routeKey, String incidentId, String body, String groups) {
        APIGatewayV2HTTPEvent event = withGroups(event(routeKey, body), groups);
        event.setPathParameters(Map.of("incidentId", incidentId));
        return event;
    }

    @Test
    void everyStaffRoleSeesTheDetectedDraftsWithTheirServicesFirstSeenAndCountsPerMinute() {
        DetectedIncident draft = draft();

        Map<String, Object> list = okBody(handle(withGroups(event(AdminApiHandler.DETECTED, null), "[viewer]")));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("incidentId", draft.id()).containsEntry("state", "DRAFT")
                .containsEntry("services", List.of("messenger")).containsEntry("firstSeen", draft.firstSeen().toString())
                .containsEntry("decision", null);
        assertThat(items.get(0).get("countsPerMinute")).asList().hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[viewer]", "[reviewer]"})
    void onlyASupervisorConfirmsOrDismisses(String groups) {
        DetectedIncident draft = draft();

        APIGatewayV2HTTPResponse confirm = handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(), null, groups));
        APIGatewayV2HTTPResponse dismiss = handle(detectedEvent(AdminApiHandler.DISMISS_DETECTED, draft.id(), null, groups));

        assertThat(confirm.getStatusCode()).isEqualTo(403);
        assertThat(dismiss.getStatusCode()).isEqualTo(403);
        assertThat(detected.find(draft.id()).orElseThrow().state()).isEqualTo(DetectionState.DRAFT);
    }

    @Test
    void aSupervisorsConfirmationActivatesTheIncidentAndItsPolicyAndTheJobWorkerFansOutTheNotices() {
        DetectedIncident draft = draft();

        Map<String, Object> confirmed = okBody(handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(), null, "[supervisor]")));
        APIGatewayV2HTTPResponse again = handle(detectedEvent(AdminApiHandler.DISMISS_DETECTED, draft.id(), null, "[supervisor]"));

        assertThat(confirmed).containsEntry("state", "CONFIRMED").containsEntry("policyVersion", draft.id() + "/v1")
                .containsEntry("outageNoticesQueued", true);
        assertThat(incidents.incident(draft.id()).status()).isEqualTo(dev.damagedesk.domain.incident.IncidentStatus.ACTIVE);
        assertThat(incidents.activePolicyVersion(draft.id())).contains(1);
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(errors(again)).extracting(error -> error.get("code")).containsExactly("already-decided");
        // The first pages (reporters and subscribers of messenger) run in the job worker, as the staff job queue delivers them.
        StaffJobHandler worker = new StaffJobHandler(services.jobWork(), telemetry);
        assertThat(outagePages).hasSize(2);
        for (OutageNoticePages.OutageNoticePage page : List.copyOf(outagePages)) {
            SQSEvent batch = EventLoader.loadSQSEvent("events/staff-job-batch.json");
            batch.getRecords().get(0).setBody(dev.damagedesk.adapters.message.OutageNoticePageMessage.toJson(page));
            assertThat(worker.handleRequest(batch, LocalContext.forTest("StaffJobFunction")).getBatchItemFailures()).isEmpty();
        }
        assertThat(outageNotices).as("the fixtures hold no messenger reports and no subscribers").isEmpty();
    }

    @Test
    void theOperationsTrailShowsTheDecisionAndTheSurgeSwitchesAsAnIntactChainToEveryStaffRole() {
        operations.record(clock.instant().minusSeconds(600), Actor.function("SurgeControllerFunction"),
                OperationAction.SURGE_ON, "surge:" + clock.instant().minusSeconds(600), "arrivals 9000/min >= 3000/min");
        DetectedIncident draft = draft();
        okBody(handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(), null, "[supervisor]")));

        Map<String, Object> body = okBody(handle(withGroups(event(AdminApiHandler.OPERATIONS, null), "[viewer]")));

        assertThat(body.get("chain")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("intact", true).containsEntry("firstBrokenSequence", null).containsEntry("problem", null);
        List<Map<String, Object>> entries = listOf(body.get("entries"));
        assertThat(entries).extracting(entry -> entry.get("action"))
                .containsExactly("SURGE_ON", "DETECTED_INCIDENT_CONFIRMED");
        assertThat(entries.get(1)).containsEntry("sequence", 2).containsEntry("subject", "detected-incident:" + draft.id())
                .containsEntry("previousHash", entries.get(0).get("hash"));
        assertThat(entries.get(1).get("actor")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "STAFF").containsEntry("role", "supervisor");

        APIGatewayV2HTTPEvent one = withGroups(event(AdminApiHandler.OPERATIONS, null), "[viewer]");
        one.setQueryStringParameters(Map.of("limit", "1"));
        assertThat(listOf(okBody(handle(one)).get("entries"))).extracting(entry -> entry.get("sequence")).containsExactly(2);
        APIGatewayV2HTTPEvent tooMany = withGroups(event(AdminApiHandler.OPERATIONS, null), "[viewer]");
        tooMany.setQueryStringParameters(Map.of("limit", "1000"));
        APIGatewayV2HTTPResponse refused = handle(tooMany);
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(errors(refused)).extracting(error -> error.get("field")).containsExactly("limit");
        assertThat(handle(withGroups(event(AdminApiHandler.OPERATIONS, null), "")).getStatusCode()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void theDashboardShowsTheDetectedIncidentWhileItsEpisodeGoesOn() {
        assertThat(okBody(handle(event("GET /v1/admin/dashboard", null)))).containsEntry("detectedIncident", null);
        DetectedIncident draft = draft();

        Map<String, Object> dashboard = okBody(handle(event("GET /v1/admin/dashboard", null)));

        assertThat(dashboard.get("detectedIncident")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("incidentId", draft.id()).containsEntry("state", "DRAFT")
                .containsEntry("services", List.of("messenger")).doesNotContainKey("countsPerMinute");
    }

    @Test
    void aReportReceivedInADetectedIncidentsWindowShowsItsLinkAndOthersNone() {
        StoredReport inside = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", null, "환불", null);
        StoredReport elsewhere = fixtures.stored(1, ReportStatus.NEEDS_REVIEW, 1_000, "jun@example.com", null, "refund", null);
        java.time.Instant minute = inside.report().receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        DetectedIncident draft = DetectedIncident.detected(inside.report().incidentId(),
                List.of(new ServiceSpike(inside.report().submission().service(), Map.of(minute, 40L))));
        detected.create(draft);
        assertThat(draft.covers(elsewhere.report().incidentId(), elsewhere.report().submission().service(),
                elsewhere.report().receivedAt())).as("the second fixture is outside the minute").isFalse();

        assertThat(okBody(handle(detailEvent(inside, "[viewer]")))).containsEntry("detectedIncidentId", draft.id());
        assertThat(okBody(handle(detailEvent(elsewhere, "[viewer]")))).containsEntry("detectedIncidentId", null);
    }

    @Test
    void aDismissalIsRecordedAndBadRequestsAreFieldErrors() {
        DetectedIncident draft = draft();

        APIGatewayV2HTTPResponse unknown = handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, "detected-20000101-0000", null, "[supervisor]"));
        APIGatewayV2HTTPResponse badTime = handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(),
                "{\"restoredAt\":\"yesterday\",\"extra\":1}", "[supervisor]"));
        APIGatewayV2HTTPResponse beforeSeen = handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(),
                "{\"restoredAt\":\"" + draft.firstSeen().minusSeconds(60) + "\"}", "[supervisor]"));
        APIGatewayV2HTTPResponse downLater = handle(detectedEvent(AdminApiHandler.CONFIRM_DETECTED, draft.id(),
                "{\"downFrom\":\"" + clock.instant().plusSeconds(60) + "\"}", "[supervisor]"));
        Map<String, Object> dismissed = okBody(handle(detectedEvent(AdminApiHandler.DISMISS_DETECTED, draft.id(), null, "[supervisor]")));

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(badTime.getStatusCode()).isEqualTo(400);
        assertThat(errors(badTime)).extracting(error -> error.get("field")).containsExactlyInAnyOrder("restoredAt", "extra");
        assertThat(beforeSeen.getStatusCode()).isEqualTo(400);
        assertThat(errors(beforeSeen)).extracting(error -> error.get("field")).containsExactly("restoredAt");
        assertThat(errors(downLater)).extracting(error -> error.get("field")).containsExactly("downFrom");
        assertThat(dismissed).containsEntry("state", "DISMISSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) dismissed.get("decision");
        assertThat(decision).containsEntry("at", clock.instant().toString());
        assertThat(outagePages).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** Runs the queued job pages through the worker, as the SQS event source would, one message per batch. */
    private int drainWithTheWorker() {
        StaffJobHandler worker = new StaffJobHandler(services.jobWork(), telemetry);
        int pages = 0;
        for (Optional<JobPage> page = jobQueue.poll(); page.isPresent(); page = jobQueue.poll()) {
            SQSEvent batch = EventLoader.loadSQSEvent("events/staff-job-batch.json");
            batch.getRecords().get(0).setBody(JobPageMessage.toJson(page.get()));
            assertThat(worker.handleRequest(batch, LocalContext.forTest("StaffJobFunction")).getBatchItemFailures()).isEmpty();
            pages++;
        }
        return pages;
    }

    private APIGatewayV2HTTPEvent event(String routeKey, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/admin-get-queue.json");
        event.setRouteKey(routeKey);
        event.setQueryStringParameters(null);
        event.setBody(body);
        return event;
    }

    private APIGatewayV2HTTPEvent detailEvent(StoredReport report, String groups) {
        APIGatewayV2HTTPEvent event = withGroups(event("GET /v1/admin/reports/{reportId}", null), groups);
        event.setPathParameters(Map.of("reportId", report.report().id().value()));
        return event;
    }

    private APIGatewayV2HTTPEvent decisionEvent(StoredReport report, String body, String groups) {
        APIGatewayV2HTTPEvent event = withGroups(EventLoader.loadApiGatewayHttpEvent("events/admin-post-decision.json"), groups);
        event.setPathParameters(Map.of("reportId", report.report().id().value()));
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withGroups(APIGatewayV2HTTPEvent event, String groups) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        if (groups.isEmpty()) {
            claims.remove("cognito:groups");
        } else {
            claims.put("cognito:groups", groups);
        }
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalContext.forTest("AdminFunction"));
    }

    private static Map<String, Object> okBody(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 202);
        return Json.parseObject(response.getBody());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(APIGatewayV2HTTPResponse response) {
        return (List<Map<String, Object>>) Json.parseObject(response.getBody()).get("errors");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("items")).stream().map(item -> (String) item.get("reportId")).toList();
    }
}

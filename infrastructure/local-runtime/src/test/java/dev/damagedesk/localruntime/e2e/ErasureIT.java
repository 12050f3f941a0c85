package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasure through the local runtime: a report submitted to the public API, stored and acknowledged; a supervisor
 * erases the reporter's data on the admin API with their Cognito token; then the detail, the search and a CSV export
 * with personal data (run by the job worker, downloaded from its presigned link) hold none of it, the dashboard's
 * figures are those from before, the table has no item keyed by the contact, and the audit chain (the admin API's
 * check and AuditChain.verify over the tables) is intact with the erasure entry at its end.
 */
class ErasureIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;
    private static LocalMailbox mailbox;
    private static URI admin;
    private static String supervisor;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
        mailbox = runtime.cloud().aws().mailbox();
        admin = runtime.running().apiBaseUris().get("AdminApi");
        supervisor = StaffTokens.of(runtime.cloud()).accessToken("supervisor");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void afterErasureNothingShowsTheReportersDataWhileFiguresDecisionAndChainStay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "erase-" + run + "@example.com";
        String phone = "010-4321-" + (1000 + Math.abs(run.hashCode() % 9000));
        String account = "acct_" + run;
        String name = "Erasable " + run;
        String description = "Call " + name + " at " + phone + ", account " + account + ": no music all weekend.";
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email)
                .replace("\"name\":\"Lee Jun\"", "\"name\":\"" + name + "\",\"phone\":\"" + phone
                        + "\",\"accountRef\":\"" + account + "\"")
                .replace("My music pass did not play all weekend.", description));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String reportId = (String) accepted.json().get("reportId");
        Eventually.await("the acknowledgement", LIMIT, () -> mailbox.sentTo(email).stream().findFirst());
        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "IntakeQueue", "NotificationQueue");
        List<String> personal = List.of(name, email, phone, account, "no music all weekend");

        Map<String, Object> before = get("/v1/admin/reports/" + reportId).json();
        assertThat(before.toString()).contains(name, email, phone, account);
        Map<String, Object> figuresBefore = figures(get("/v1/admin/dashboard").json());
        assertThat(search(email)).containsExactly(reportId);
        // The identity keys as the processor made them: HMACs under the runtime's IdentityKeySecret
        String table = runtime.cloud().resources().tableName("ReportsTable");
        List<String> keys = IdentityKeys.fromSecret(runtime.cloud().resources().secretValue("IdentityKeySecret")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).of(ReporterIdentity.of(new Reporter(name, email, phone, account)));
        assertThat(keys).hasSize(3);
        for (String key : keys) {
            assertThat(hasItem(table, "CONTACT#2022-10-15#" + key, "REPORTS")).as("contact " + key + " before").isTrue();
        }

        PublicApiClient.Reply erased = post("/v1/admin/reports/" + reportId + "/erasure",
                "{\"reason\":\"REQUEST\",\"version\":" + before.get("version") + "}");
        PublicApiClient.Reply repeated = post("/v1/admin/reports/" + reportId + "/erasure",
                "{\"reason\":\"REQUEST\",\"version\":" + before.get("version") + "}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).doesNotContain(personal);
        assertThat(erased.json()).containsEntry("personalDataErased", true)
                .containsEntry("status", before.get("status")).containsEntry("decision", before.get("decision"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(erased.body());

        // The detail, the search, the public status, the dashboard
        PublicApiClient.Reply detail = get("/v1/admin/reports/" + reportId);
        assertThat(detail.body()).doesNotContain(personal).contains("[erased]");
        assertThat(search(email)).isEmpty();
        assertThat(figures(get("/v1/admin/dashboard").json())).isEqualTo(figuresBefore);

        // A CSV export with personal data, as a supervisor downloads it
        String csv = export((String) before.get("status"));
        assertThat(csv).contains(reportId).contains("[erased]").doesNotContain(personal);

        // No item keyed by the contact is left
        for (String key : keys) {
            assertThat(hasItem(table, "CONTACT#2022-10-15#" + key, "REPORTS")).as("contact " + key).isFalse();
            assertThat(hasItem(table, "IDENTITY#2022-10-15#music#" + key, "CLAIM")).as("claim " + key).isFalse();
        }

        // The chain: the admin API's check, and AuditChain.verify over the tables
        Map<String, Object> audit = get("/v1/admin/reports/" + reportId + "/audit").json();
        assertThat(audit.get("chain")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("intact", true);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(runtime.cloud().aws().dynamoDb(),
                runtime.cloud().resources().tableName("AuditTable"));
        StoredReport stored = DynamoDbReportStore.readOnly(runtime.cloud().aws().dynamoDb(), table)
                .find(ReportId.parse(reportId).orElseThrow()).orElseThrow();
        List<AuditEntry> entries = trail.entriesOf(stored.report().id());
        assertThat(AuditChain.verify(entries, stored.lastEntry(), stored.version()).intact()).isTrue();
        AuditEntry last = entries.get(entries.size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.PERSONAL_DATA_ERASED);
        assertThat(last.sequence()).isEqualTo(stored.version());
        assertThat(last.reason()).isEqualTo("REQUEST");
        assertThat(last.actor().role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(entries.stream().map(AuditChain::canonicalForm).toList().toString()).doesNotContain(personal);

        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "NotificationQueue", "StaffJobQueue");
        assertThat(mailbox.sentTo(email)).as("the acknowledgement only").hasSize(1);
    }

    /** The dashboard's report figures (the queue depths and times move on their own). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> dashboard) {
        long perHour = ((List<Map<String, Object>>) dashboard.get("reportsPerHour")).stream()
                .flatMap(bucket -> ((Map<String, Object>) bucket.get("byService")).values().stream())
                .mapToLong(count -> ((Number) count).longValue()).sum();
        return Map.of("countsByStatus", dashboard.get("countsByStatus"),
                "countsByReason", dashboard.get("countsByReason"),
                "moneyByRule", dashboard.get("moneyByRule"),
                "reportsInTheLast48Hours", perHour);
    }

    @SuppressWarnings("unchecked")
    private static List<String> search(String email) {
        PublicApiClient.Reply found = get("/v1/admin/reports/search?email="
                + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) found.json().get("items")).stream()
                .map(item -> (String) item.get("reportId")).toList();
    }

    private static String export(String status) {
        PublicApiClient.Reply started = post("/v1/admin/exports",
                "{\"filter\":{\"status\":\"" + status + "\"},\"includePersonalData\":true}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = (String) started.json().get("jobId");
        String url = Eventually.await("the export", LIMIT, () -> {
            Map<String, Object> job = get("/v1/admin/jobs/" + jobId).json();
            return "DONE".equals(job.get("status")) ? Optional.of((String) job.get("downloadUrl")) : Optional.empty();
        });
        PublicApiClient.Reply download = api.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }

    private static boolean hasItem(String table, String pk, String sk) {
        return runtime.cloud().aws().dynamoDb().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).hasItem();
    }

    private static PublicApiClient.Reply get(String path) {
        return api.send(HttpRequest.newBuilder(admin.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + supervisor).GET().build());
    }

    private static PublicApiClient.Reply post(String path, String body) {
        return api.send(HttpRequest.newBuilder(admin.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + supervisor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}

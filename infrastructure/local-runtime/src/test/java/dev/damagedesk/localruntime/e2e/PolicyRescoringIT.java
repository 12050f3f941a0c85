package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.incident.PolicyCatalog;
import dev.damagedesk.adapters.incident.PolicyPublisher;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishing a new policy version re-scores the incident's stored reports through the re-scoring queue and
 * function: an undecided report gets the new decision and a RESCORED audit entry with its before and after; a
 * report staff already decided keeps its decision and gets a FLAGGED entry; publishing the same version again
 * changes nothing.
 */
class PolicyRescoringIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final long MUSIC_OUTAGE_MINUTES = 23 * 60 + 30;

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;
    private static DynamoDbReportStore reports;
    private static DynamoDbAuditTrail trail;
    private static PolicyPublisher publisher;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
        FunctionEnvironment environment = FunctionEnvironment.of(runtime.cloud().functionEnvironment("RescoreFunction"));
        AwsClients clients = new AwsClients(environment);
        String table = runtime.cloud().resources().tableName("ReportsTable");
        reports = DynamoDbReportStore.readOnly(clients.dynamoDb(), table);
        trail = new DynamoDbAuditTrail(clients.dynamoDb(), runtime.cloud().resources().tableName("AuditTable"));
        IncidentStore store = new IncidentStore(clients.dynamoDb(), table);
        IncidentDirectory directory = new IncidentDirectory(store, new IncidentCatalog(), new PolicyCatalog(),
                Clock.systemUTC(), Duration.ZERO);
        publisher = new PolicyPublisher(store, directory,
                new MessageQueue(clients.sqs(), runtime.cloud().resources().queueUrl("RescoreQueue")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aNewPolicyVersionRescoresUndecidedReportsWithAuditEntriesAndOnlyFlagsStaffDecisions() {
        ReportId undecided = submitAndWaitUntilScored();
        ReportId decided = submitAndWaitUntilScored();
        markApprovedByStaff(decided);

        PolicyPublisher.Result result = publisher.publish(version2WithExtensionMultiplier(4));

        assertThat(result).isInstanceOf(PolicyPublisher.Result.Published.class);
        assertThat(((PolicyPublisher.Result.Published) result).servicesQueued()).contains("music");
        StoredReport rescored = Eventually.await("the undecided report re-scored under v2", LIMIT, () ->
                reports.find(undecided).filter(stored -> stored.report().decision().policyVersion()
                        .equals("2022-10-15/v2")));
        assertThat(rescored.report().decision().extensionMinutes()).isEqualTo(4 * MUSIC_OUTAGE_MINUTES);
        assertThat(rescored.version()).isEqualTo(2);
        // The report is replaced first and its entry appended right after (ReportChanges): the trail may lag a moment.
        List<AuditEntry> rescoredTrail = Eventually.await("the RESCORED entry appended", LIMIT, () ->
                java.util.Optional.of(trail.entriesOf(undecided)).filter(entries -> entries.size() >= 2));
        assertThat(rescoredTrail).extracting(AuditEntry::action).containsExactly(AuditAction.SCORED, AuditAction.RESCORED);
        assertThat(rescoredTrail.get(1)).satisfies(entry -> {
            assertThat(entry.actor().id()).isEqualTo("RescoreFunction");
            assertThat(entry.before().policyVersion()).isEqualTo("2022-10-15/v1");
            assertThat(entry.after().policyVersion()).isEqualTo("2022-10-15/v2");
            assertThat(entry.before().extensionMinutes()).isEqualTo(3 * MUSIC_OUTAGE_MINUTES);
            assertThat(entry.after().extensionMinutes()).isEqualTo(4 * MUSIC_OUTAGE_MINUTES);
            assertThat(entry).isEqualTo(rescored.lastEntry());
        });
        assertThat(AuditChain.verify(rescoredTrail, rescored.version()).intact()).isTrue();

        StoredReport flagged = Eventually.await("the staff decision flagged", LIMIT, () ->
                reports.find(decided).filter(stored -> stored.version() == 2));
        assertThat(flagged.report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(flagged.report().decision().policyVersion()).isEqualTo("2022-10-15/v1");
        assertThat(flagged.report().decision().extensionMinutes()).isEqualTo(3 * MUSIC_OUTAGE_MINUTES);
        assertThat(flagged.report().flaggedUnderPolicy()).isEqualTo("2022-10-15/v2");
        assertThat(Eventually.await("the FLAGGED entry appended", LIMIT, () ->
                java.util.Optional.of(trail.entriesOf(decided)).filter(entries -> entries.size() >= 2)))
                .extracting(AuditEntry::action).containsExactly(AuditAction.SCORED, AuditAction.FLAGGED);

        // The same version published again: the job runs again and finds nothing to do.
        publisher.publish(version2WithExtensionMultiplier(4));
        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "RescoreQueue");
        assertThat(reports.find(undecided).orElseThrow().version()).isEqualTo(2);
        assertThat(reports.find(decided).orElseThrow().version()).isEqualTo(2);
        assertThat(trail.entriesOf(undecided)).hasSize(2);
        assertThat(trail.entriesOf(decided)).hasSize(2);
    }

    private static ReportId submitAndWaitUntilScored() {
        String email = "rescore-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email));
        assertThat(accepted.status()).isEqualTo(202);
        ReportId id = ReportId.parse((String) accepted.json().get("reportId")).orElseThrow();
        return Eventually.await("the report stored", LIMIT, () -> reports.find(id).map(stored -> stored.report().id()));
    }

    /** What a staff decision does to the stored report (the admin API comes in a later issue). */
    private static void markApprovedByStaff(ReportId id) {
        runtime.cloud().aws().dynamoDb().updateItem(update -> update
                .tableName(runtime.cloud().resources().tableName("ReportsTable"))
                .key(Map.of("pk", AttributeValue.fromS("REPORT#" + id.value()), "sk", AttributeValue.fromS("REPORT")))
                .updateExpression("SET #status = :approved")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":approved", AttributeValue.fromS("APPROVED"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> version2WithExtensionMultiplier(int multiplier) {
        Map<String, Object> document = new LinkedHashMap<>(
                PolicyDocuments.toMap(new PolicyCatalog().get("2022-10-15", 1)));
        document.put("version", 2);
        Map<String, Object> rules = new LinkedHashMap<>((Map<String, Object>) document.get("rules"));
        Map<String, Object> paid = new LinkedHashMap<>((Map<String, Object>) rules.get("paidSubscription"));
        paid.put("extensionMultiplier", multiplier);
        rules.put("paidSubscription", paid);
        document.put("rules", rules);
        return document;
    }
}

package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.privacy.ErasureReason;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasure against the DynamoDB emulator: the erased report written over the version read, the reporter's
 * CONTACT# and IDENTITY# items gone (or, shared with another report of the contact, without this one), the item
 * holding none of the data, the notifier's projected check.
 */
class DynamoDbErasureTest {

    private static final Actor SUPERVISOR = Actor.staff("sub-s", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);

    private static final dev.damagedesk.domain.risk.IdentityKeys KEYS = dev.damagedesk.domain.risk.IdentityKeys.ephemeral();

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final DynamoDbClient dynamoDb = cloud.aws().dynamoDb();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, cloud.resources().tableName("AuditTable"));
    private final DynamoDbReportStore store = new DynamoDbReportStore(dynamoDb, table, trail);
    private final DynamoDbDuplicateRegistry registry = new DynamoDbDuplicateRegistry(dynamoDb, table, Duration.ofDays(1),
            Clock.systemUTC());
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), Clock.systemUTC());
    private final EraseReporterData erase = new EraseReporterData(store, changes, registry, KEYS);
    private final SecureRandom random = new SecureRandom();

    /** A report stored and indexed as the processor does it: every identity key counted and claimed. */
    private StoredReport stored(String incident) {
        Report report = StoreFixtures.triaged(incident, Instant.parse("2022-10-19T01:00:00Z"),
                StoreFixtures.submission("taxi", Category.BUSINESS_LOSS, 250_000L, ReporterType.SMALL_BUSINESS),
                ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, Set.of());
        StoredReport stored = changes.store(report, StoreFixtures.PROCESSOR, AuditAction.SCORED).report();
        for (String key : KEYS.of(ReporterIdentity.of(report.submission().reporter()))) {
            registry.recordReport(incident, key, report.id());
            registry.claim(incident, "taxi", key, report.id());
        }
        return stored;
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(ReportKeys.PK, AttributeValue.fromS(pk), ReportKeys.SK, AttributeValue.fromS(sk)))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    @Test
    void theErasedReportIsWrittenOverItsVersionAndNoItemKeyedByTheContactIsLeft() {
        String incident = StoreFixtures.uniqueIncident();
        StoredReport before = stored(incident);
        ReportId id = before.report().id();
        String emailKey = KEYS.emailKey("seoyeon@example.co.kr");
        String phoneKey = KEYS.phoneKey("010-9876-5432").orElseThrow();
        assertThat(item("CONTACT#" + incident + "#" + emailKey, "REPORTS")).isNotNull();
        assertThat(store.personalDataErased(id)).isFalse();

        erase.erase(id, 1, ErasureReason.REQUEST, SUPERVISOR);

        StoredReport after = store.find(id).orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.report()).isEqualTo(before.report().withoutPersonalData());
        assertThat(store.personalDataErased(id)).isTrue();
        Map<String, AttributeValue> raw = item("REPORT#" + id.value(), "REPORT");
        assertThat(raw).doesNotContainKeys("reporterPhone", "accountRef");
        assertThat(raw.toString()).doesNotContain("Park Seoyeon", "seoyeon", "9876-5432", "No fares");
        for (String key : new String[] {emailKey, phoneKey}) {
            assertThat(item("CONTACT#" + incident + "#" + key, "REPORTS")).as("contact " + key).isNull();
            assertThat(item("IDENTITY#" + incident + "#taxi#" + key, "CLAIM")).as("claim " + key).isNull();
        }
        assertThat(AuditChain.verify(trail.entriesOf(id), after.lastEntry(), after.version()).intact()).isTrue();
        assertThat(trail.entriesOf(id)).extracting(entry -> entry.action())
                .containsExactly(AuditAction.SCORED, AuditAction.PERSONAL_DATA_ERASED);
    }

    @Test
    void forgettingOneReportKeepsTheContactsOtherReportsAndAClaimHeldByAnotherReport() {
        String incident = StoreFixtures.uniqueIncident();
        String key = KEYS.emailKey("seoyeon@example.co.kr");
        ReportId first = ReportId.newId(Instant.parse("2022-10-19T01:00:00Z"), random);
        ReportId second = ReportId.newId(Instant.parse("2022-10-19T02:00:00Z"), random);
        registry.recordReport(incident, key, first);
        registry.recordReport(incident, key, second);
        registry.claim(incident, "taxi", key, first);

        registry.forget(incident, "taxi", key, second);
        registry.forget(incident, "taxi", key, second); // again: nothing to do

        assertThat(registry.reportsOf(incident, key)).containsExactly(first);
        assertThat(item("IDENTITY#" + incident + "#taxi#" + key, "CLAIM")).containsEntry("reportId",
                AttributeValue.fromS(first.value()));

        registry.forget(incident, "taxi", "email:never-recorded", first);
        assertThat(item("CONTACT#" + incident + "#email:never-recorded", "REPORTS")).as("no item created").isNull();
    }

    @Test
    void aReportNeverStoredIsNotErased() {
        assertThat(store.personalDataErased(ReportId.newId(Instant.now(), random))).isFalse();
        assertThat(Reporter.erased().isErased()).isTrue();
    }
}

package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.port.IncidentRecords.PolicyRecord;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The incident list and the policy versions in the real table (dynalite): imported ids from their one item, the
 * versions from one query of the incident's partition, the bundled ones from the functions' resources.
 */
class StoredIncidentRecordsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final IncidentStore store = new IncidentStore(cloud.aws().dynamoDb(), cloud.resources().tableName("ReportsTable"));
    private final StoredIncidentRecords records = new StoredIncidentRecords(store, new IncidentDirectory(store,
            new IncidentCatalog(), new PolicyCatalog(), Clock.systemUTC(), Duration.ZERO));

    @Test
    void importedIncidentsAreListedWithTheBundledOnes() {
        String imported = "test-" + Long.toHexString(RANDOM.nextLong());
        records.putLedger(imported, IncidentDocument.toMap(new IncidentCatalog().get("2022-10-15")), AT);
        records.putLedger(imported, IncidentDocument.toMap(new IncidentCatalog().get("2022-10-15")), AT); // again: once

        assertThat(records.incidentIds()).contains("2022-10-15", imported).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void policyVersionsArePublishedOverBundledAndTheActiveOneIsTheLatestPublished() {
        String incident = "test-" + Long.toHexString(RANDOM.nextLong());
        assertThat(records.policyVersions(incident)).isEmpty();
        assertThat(records.activePolicyVersion(incident)).isEmpty();
        assertThat(records.policyVersions("2022-10-15")).first().isEqualTo(new PolicyRecord(1, null));

        Map<String, Object> document = new LinkedHashMap<>(PolicyDocuments.toMap(new PolicyCatalog().get("2022-10-15", 1)));
        document.put("incidentId", incident);
        for (int version : new int[] {2, 12, 3}) {
            document.put("version", version);
            records.publishPolicy(incident, version, document, AT.plusSeconds(version));
        }

        assertThat(records.policyVersions(incident)).containsExactly(new PolicyRecord(2, AT.plusSeconds(2)),
                new PolicyRecord(3, AT.plusSeconds(3)), new PolicyRecord(12, AT.plusSeconds(12)));
        assertThat(records.activePolicyVersion(incident)).contains(12);
        assertThat(records.activePolicyVersion("2022-10-15")).isPresent();
    }
}

package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operations trail in the Audit table of the DynamoDB emulator (one partition, shared by the JVM's tests). */
class DynamoDbOperationsTrailTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final DynamoDbOperationsTrail trail = new DynamoDbOperationsTrail(cloud.aws().dynamoDb(),
            cloud.resources().tableName("AuditTable"));
    private final AuditOperations operations = new AuditOperations(trail);
    private final String run = UUID.randomUUID().toString();
    /** Far more entries than the JVM's other tests write meanwhile. */
    private static final int WINDOW = 20;
    private final Actor supervisor = Actor.staff("5f0c", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);

    @Test
    void entriesComeBackOldestFirstAsTheyWereWrittenAndLinkUp() {
        Instant at = Instant.parse("2026-12-04T09:15:00.123Z");
        OperationEntry on = operations.record(at, Actor.function("SurgeControllerFunction"), OperationAction.SURGE_ON,
                "surge:" + run, "backlog 18000 > 5000; arrivals 9000/min");
        OperationEntry confirmed = operations.record(at.plusSeconds(60), supervisor,
                OperationAction.DETECTED_INCIDENT_CONFIRMED, "detected-incident:" + run, "services 메신저, taxi");

        List<OperationEntry> latest = trail.latest(2);

        assertThat(latest).containsExactly(on, confirmed);
        assertThat(confirmed.sequence()).isEqualTo(on.sequence() + 1);
        assertThat(confirmed.previousHash()).isEqualTo(on.hash());
        assertThat(OperationChain.verify(latest).intact()).isTrue();
        assertThat(trail.latest(1)).containsExactly(confirmed);
    }

    @Test
    void aTakenSequenceIsRefusedAndARepeatedEventIsNotWrittenAgain() {
        OperationEntry first = operations.record(Instant.parse("2026-12-04T10:00:00Z"), supervisor,
                OperationAction.DETECTED_INCIDENT_DISMISSED, "detected-incident:" + run, "services payment");

        // another writer that read the tail before the first entry was written: its entry has the same sequence
        OperationEntry rival = new OperationEntry(first.sequence(), Instant.parse("2026-12-04T10:00:01Z"), supervisor,
                OperationAction.SURGE_OFF, "surge:" + run, null, first.previousHash(), "0".repeat(64));
        assertThat(trail.appendIfFree(rival)).isFalse();
        assertThat(trail.latest(WINDOW)).contains(first).doesNotContain(rival);

        OperationEntry again = operations.record(Instant.parse("2026-12-04T10:05:00Z"), supervisor,
                OperationAction.DETECTED_INCIDENT_DISMISSED, "detected-incident:" + run, "services payment");
        assertThat(again).isEqualTo(first);
        assertThat(trail.latest(WINDOW)).filteredOn(entry -> entry.subject().endsWith(run)).hasSize(1);
    }
}

package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectionRule;
import dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents;
import dev.damagedesk.application.incident.DetectIncidents;
import dev.damagedesk.application.memory.InMemoryTrafficTallies;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The entry point as the surge controller builds it, from a function environment, writing to the real table
 * (dynalite). The tallies are the in-memory ones: their DynamoDB adapter is the throughput work's.
 */
class IncidentDetectionTest {

    private final LocalCloud cloud = SharedLocalCloud.get();

    @Test
    void aScheduledRunOnTheTableOpensTheDraftOnceWithTheTemplateThresholds() {
        String table = cloud.resources().tableName("ReportsTable");
        DynamoDbDetectedIncidents stored = new DynamoDbDetectedIncidents(cloud.aws().dynamoDb(), table);
        stored.open().ifPresent(left -> stored.replace(left, left.ended()));
        InMemoryTrafficTallies tallies = new InMemoryTrafficTallies();
        // A minute of its own: earlier runs of this test may have left their incidents in a kept table.
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60).plusSeconds(7 * 86_400);
        for (int back = 12; back >= 1; back--) {
            tallies.addArrivals(now.minusSeconds(60L * back), Map.of("messenger", back <= 2 ? 30L : 2L));
        }
        IncidentDetection detection = IncidentDetection.onTable(cloud.aws().dynamoDb(), table, tallies,
                new DetectionRule(2, 10, 4, 25), "2022-10-15");

        DetectIncidents.Run first = detection.run(now.plusSeconds(1));
        DetectIncidents.Run repeated = detection.run(now.plusSeconds(30));

        assertThat(first.outcome()).isEqualTo(DetectIncidents.Outcome.CREATED);
        assertThat(repeated.outcome()).isEqualTo(DetectIncidents.Outcome.UNCHANGED);
        DetectedIncident draft = stored.open().orElseThrow();
        assertThat(draft.id()).isEqualTo(first.incidentId());
        assertThat(draft.sourceIncidentId()).isEqualTo("2022-10-15");
        assertThat(draft.services()).containsExactly("messenger");
        assertThat(draft.countsPerMinute()).hasSize(2);
        stored.replace(draft, draft.ended());
    }
}

package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Detected incidents in the real table (dynalite): read back as written, one open at a time, writes on the version
 * read. One test, because the open incident is one item of the shared table.
 */
class DynamoDbDetectedIncidentsTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final DynamoDbDetectedIncidents incidents = new DynamoDbDetectedIncidents(cloud.aws().dynamoDb(),
            cloud.resources().tableName("ReportsTable"));

    private static DetectedIncident detected(Instant minute, String service) {
        return DetectedIncident.detected("2022-10-15",
                List.of(new ServiceSpike(service, Map.of(minute, 40L, minute.plusSeconds(60), 55L))));
    }

    @Test
    void oneOpenIncidentAtATimeWrittenOnTheVersionRead() {
        // A minute no other run of this test used: the table outlives a test run when the data dir is kept.
        Instant minute = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);
        incidents.open().ifPresent(left -> incidents.replace(left, left.ended()));
        DetectedIncident draft = detected(minute, "messenger");

        assertThat(incidents.create(draft)).isTrue();
        assertThat(incidents.create(draft)).as("the same run again").isTrue();
        assertThat(incidents.create(detected(minute.plusSeconds(60), "pay"))).as("another while one is open").isFalse();
        assertThat(incidents.open()).contains(draft);
        assertThat(incidents.find(draft.id())).contains(draft);

        DetectedIncident extended = draft.extendedWith(List.of(new ServiceSpike("pay", Map.of(minute.plusSeconds(120), 30L))));
        assertThat(incidents.replace(draft, extended)).isTrue();
        assertThat(incidents.replace(draft, extended)).as("written on a stale version").isFalse();

        Actor supervisor = Actor.staff("sub-9", "lead@damagedesk.example", StaffRole.SUPERVISOR);
        DetectedIncident confirmed = extended.confirmed(supervisor, minute.plusSeconds(600), null, minute.plusSeconds(300));
        assertThat(incidents.replace(extended, confirmed)).isTrue();
        assertThat(incidents.find(draft.id())).contains(confirmed);
        assertThat(incidents.latest(5)).first().isEqualTo(confirmed);

        DetectedIncident ended = confirmed.ended();
        assertThat(incidents.replace(confirmed, ended)).isTrue();
        assertThat(incidents.open()).isEmpty();
        DetectedIncident next = detected(minute.plusSeconds(3600), "maps");
        assertThat(incidents.create(draft)).as("an ended episode is not reopened").isFalse();
        assertThat(incidents.create(next)).as("a new episode once the last ended").isTrue();
        assertThat(incidents.latest(2)).extracting(DetectedIncident::id).containsExactly(next.id(), draft.id());
        incidents.replace(next, next.ended());
    }
}

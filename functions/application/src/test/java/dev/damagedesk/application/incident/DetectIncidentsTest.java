package dev.damagedesk.application.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.memory.InMemoryDetectedIncidents;
import dev.damagedesk.application.memory.InMemoryTrafficTallies;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionRule;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detection runs over in-memory tallies: one draft per episode, extended, idempotent per run, ended when quiet. */
class DetectIncidentsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T03:00:00Z");
    private final InMemoryTrafficTallies tallies = new InMemoryTrafficTallies();
    private final InMemoryDetectedIncidents detected = new InMemoryDetectedIncidents();
    private final DetectIncidents detect = new DetectIncidents(tallies, detected, new DetectionRule(3, 10, 5, 20), "2022-10-15");

    private static Instant minute(int n) {
        return T0.plusSeconds(60L * n);
    }

    /** Minutes [from, to) with these arrivals. */
    private void arrivals(int from, int to, Map<String, Long> byService) {
        for (int n = from; n < to; n++) {
            tallies.addArrivals(minute(n), byService);
        }
    }

    @Test
    void aQuietChannelDetectsNothing() {
        arrivals(0, 20, Map.of("messenger", 5L, "pay", 3L));

        assertThat(detect.run(minute(20).plusSeconds(5)).outcome()).isEqualTo(DetectIncidents.Outcome.QUIET);
        assertThat(detected.latest(10)).isEmpty();
    }

    @Test
    void aRiseOpensOneDraftThatLaterRunsExtendAndTheSameRunAgainLeavesAlone() {
        arrivals(0, 10, Map.of("messenger", 4L, "pay", 4L));
        arrivals(10, 13, Map.of("messenger", 60L, "pay", 4L));

        DetectIncidents.Run first = detect.run(minute(13).plusSeconds(2));
        // A partial current minute is not read: a burst in it changes nothing yet.
        tallies.addArrivals(minute(13), Map.of("pay", 500L));
        DetectIncidents.Run again = detect.run(minute(13).plusSeconds(40));

        assertThat(first.outcome()).isEqualTo(DetectIncidents.Outcome.CREATED);
        assertThat(first.risingServices()).containsExactly("messenger");
        assertThat(again.outcome()).isEqualTo(DetectIncidents.Outcome.UNCHANGED);
        DetectedIncident draft = detected.open().orElseThrow();
        assertThat(draft.id()).isEqualTo(first.incidentId()).isEqualTo("detected-20261204-0310");
        assertThat(draft.firstSeen()).isEqualTo(minute(10));
        assertThat(draft.version()).isEqualTo(1);

        // The next minute: pay rises too; still one incident, now of both services.
        arrivals(14, 15, Map.of("messenger", 60L, "pay", 100L));
        DetectIncidents.Run next = detect.run(minute(15));

        assertThat(next.outcome()).isEqualTo(DetectIncidents.Outcome.EXTENDED);
        assertThat(detected.latest(10)).hasSize(1);
        DetectedIncident extended = detected.open().orElseThrow();
        assertThat(extended.services()).containsExactly("messenger", "pay");
        assertThat(extended.countsPerMinute().get(minute(13))).containsExactly(java.util.Map.entry("pay", 500L));
        assertThat(extended.lastSeen()).isEqualTo(minute(14));
    }

    @Test
    void theEpisodeEndsOnceQuietForTheRecentWindowAndALaterRiseIsANewIncident() {
        arrivals(0, 10, Map.of("maps", 2L));
        arrivals(10, 13, Map.of("maps", 50L));
        String firstId = detect.run(minute(13)).incidentId();
        // Confirmed meanwhile: a confirmed incident goes on collecting its episode's counts.
        DetectedIncident draft = detected.open().orElseThrow();
        detected.replace(draft, draft.confirmed(Actor.staff("s", "lead@damagedesk.example", StaffRole.SUPERVISOR),
                minute(13), null, null));
        arrivals(13, 40, Map.of("maps", 2L));

        // Last seen in minute 12: the episode waits until that minute has left the three-minute window.
        assertThat(detect.run(minute(15)).outcome()).isEqualTo(DetectIncidents.Outcome.UNCHANGED);
        assertThat(detect.run(minute(16)).outcome()).isEqualTo(DetectIncidents.Outcome.ENDED);
        assertThat(detect.run(minute(17)).outcome()).isEqualTo(DetectIncidents.Outcome.QUIET);
        assertThat(detected.find(firstId).orElseThrow().state()).isEqualTo(dev.damagedesk.domain.detection.DetectionState.CONFIRMED);
        assertThat(detected.find(firstId).orElseThrow().open()).isFalse();

        arrivals(40, 43, Map.of("maps", 80L));
        DetectIncidents.Run later = detect.run(minute(43));
        assertThat(later.outcome()).isEqualTo(DetectIncidents.Outcome.CREATED);
        assertThat(later.incidentId()).isNotEqualTo(firstId);
    }
}

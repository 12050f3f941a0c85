package dev.damagedesk.domain.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentStatus;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectedIncidentTest {

    private static final Instant T0 = Instant.parse("2026-12-04T03:10:00Z");
    private static final Actor SUPERVISOR = Actor.staff("sub-1", "lead@damagedesk.example", StaffRole.SUPERVISOR);

    private static ServiceSpike spike(String service, Instant from, long... counts) {
        java.util.Map<Instant, Long> perMinute = new java.util.TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            perMinute.put(from.plusSeconds(60L * i), counts[i]);
        }
        return new ServiceSpike(service, perMinute);
    }

    @Test
    void aNewDraftIsNamedByItsFirstMinuteAndKeepsTheCounts() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", List.of(spike("messenger", T0, 30, 40, 50)));

        assertThat(draft.id()).isEqualTo("detected-20261204-0310");
        assertThat(draft.state()).isEqualTo(DetectionState.DRAFT);
        assertThat(draft.open()).isTrue();
        assertThat(draft.firstSeen()).isEqualTo(T0);
        assertThat(draft.lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(draft.window().end()).isEqualTo(T0.plusSeconds(180));
        assertThat(draft.countsPerMinute().get(T0.plusSeconds(60))).containsExactly(Map.entry("messenger", 40L));
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.covers("2022-10-15", "messenger", T0)).isTrue();
        assertThat(draft.covers("2022-10-15", "messenger", T0.plusSeconds(179))).isTrue();
        assertThat(draft.covers("2022-10-15", "messenger", T0.plusSeconds(180))).isFalse();
        assertThat(draft.covers("2022-10-15", "messenger", T0.minusMillis(1))).isFalse();
        assertThat(draft.covers("2022-10-15", "pay", T0)).isFalse();
        assertThat(draft.covers("2023-01-01", "messenger", T0)).isFalse();
    }

    @Test
    void aLaterRunExtendsItAndTheSameRunAgainChangesNothing() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", List.of(spike("messenger", T0, 30, 40, 50)));
        List<ServiceSpike> nextRun = List.of(spike("messenger", T0.plusSeconds(60), 40, 50, 60),
                spike("pay", T0.plusSeconds(60), 25, 25, 25));

        DetectedIncident extended = draft.extendedWith(nextRun);

        assertThat(extended.services()).containsExactly("messenger", "pay");
        assertThat(extended.lastSeen()).isEqualTo(T0.plusSeconds(180));
        assertThat(extended.countsPerMinute()).hasSize(4);
        assertThat(extended.countsPerMinute().get(T0.plusSeconds(120))).containsExactly(
                Map.entry("messenger", 50L), Map.entry("pay", 25L));
        assertThat(extended.version()).isEqualTo(2);
        assertThat(extended.extendedWith(nextRun)).isSameAs(extended);
    }

    @Test
    void aDayLongEpisodeKeepsItsLatestDayOfCountsAndItsFirstMinute() {
        DetectedIncident incident = DetectedIncident.detected("2022-10-15", List.of(spike("pay", T0, 30)));
        for (int minute = 1; minute <= DetectedIncident.COUNTED_MINUTES + 9; minute++) {
            incident = incident.extendedWith(List.of(spike("pay", T0.plusSeconds(60L * minute), 30)));
        }

        assertThat(incident.countsPerMinute()).hasSize(DetectedIncident.COUNTED_MINUTES);
        assertThat(incident.countsPerMinute().firstKey()).isEqualTo(T0.plusSeconds(60L * 10));
        assertThat(incident.firstSeen()).isEqualTo(T0);
    }

    @Test
    void aDraftIsDecidedOnceAndAnEndedEpisodeTakesNoMoreSpikes() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", List.of(spike("pay", T0, 30)));
        DetectedIncident dismissed = draft.dismissed(SUPERVISOR, T0.plusSeconds(600));

        assertThat(dismissed.state()).isEqualTo(DetectionState.DISMISSED);
        assertThatThrownBy(() -> dismissed.confirmed(SUPERVISOR, T0.plusSeconds(700), null, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dismissed.ended().extendedWith(List.of(spike("pay", T0, 30))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(dismissed::outage).isInstanceOf(IllegalStateException.class);
        assertThat(dismissed.notifiesOutage()).isFalse();
    }

    @Test
    void aConfirmedIncidentIsAnActiveIncidentOverItsOutage() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15",
                List.of(spike("messenger", T0, 30), spike("pay", T0, 30)));
        DetectedIncident confirmed = draft.confirmed(SUPERVISOR, T0.plus(Duration.ofHours(3)), null, T0.plus(Duration.ofHours(2)));

        Incident active = confirmed.asActiveIncident();

        assertThat(active.id()).isEqualTo(draft.id());
        assertThat(active.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(active.services()).containsExactly("messenger", "pay");
        assertThat(active.outageFor("pay").orElseThrow().duration()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> draft.confirmed(SUPERVISOR, T0, null, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutageOfTwoHoursOrMoreIsNotifiedAndAShorterOneIsNot() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", List.of(spike("pay", T0, 30)));
        Instant confirmedAt = T0.plus(Duration.ofHours(5));

        assertThat(draft.confirmed(SUPERVISOR, confirmedAt, null, T0.plus(Duration.ofHours(2))).notifiesOutage()).isTrue();
        assertThat(draft.confirmed(SUPERVISOR, confirmedAt, null, T0.plus(Duration.ofMinutes(119))).notifiesOutage()).isFalse();
        // Not restored yet: the outage so far, to the confirmation.
        assertThat(draft.confirmed(SUPERVISOR, T0.plus(Duration.ofHours(2)), null, null).notifiesOutage()).isTrue();
        assertThat(draft.confirmed(SUPERVISOR, T0.plus(Duration.ofMinutes(30)), null, null).notifiesOutage()).isFalse();
        assertThat(draft.notifiesOutage()).isFalse();
    }

    @Test
    void theSupervisorMayDateTheOutageFromBeforeTheReportsRoseButNotIntoTheFuture() {
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", List.of(spike("pay", T0, 30)));
        Instant confirmedAt = T0.plus(Duration.ofMinutes(10));

        DetectedIncident confirmed = draft.confirmed(SUPERVISOR, confirmedAt, T0.minus(Duration.ofHours(2)), null);

        assertThat(confirmed.outage().start()).isEqualTo(T0.minus(Duration.ofHours(2)));
        assertThat(confirmed.outage().duration()).isEqualTo(Duration.ofMinutes(130));
        assertThat(confirmed.notifiesOutage()).isTrue();
        assertThat(confirmed.window().start()).as("its reports are still those of the rise").isEqualTo(T0);
        assertThatThrownBy(() -> draft.confirmed(SUPERVISOR, confirmedAt, confirmedAt.plusSeconds(1), null))
                .isInstanceOfSatisfying(DetectedIncident.InvalidOutage.class, invalid -> assertThat(invalid.field()).isEqualTo("downFrom"));
        assertThatThrownBy(() -> draft.confirmed(SUPERVISOR, confirmedAt, null, confirmedAt.plusSeconds(1)))
                .isInstanceOfSatisfying(DetectedIncident.InvalidOutage.class, invalid -> assertThat(invalid.field()).isEqualTo("restoredAt"));
        assertThatThrownBy(() -> draft.confirmed(SUPERVISOR, confirmedAt, T0, T0.minusSeconds(1)))
                .isInstanceOf(DetectedIncident.InvalidOutage.class);
    }
}

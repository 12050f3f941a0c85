package dev.damagedesk.domain.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentTest {

    private static final Instant T0 = Instant.parse("2022-10-15T06:30:00Z");

    @Test
    void aServiceIsDownFromItsFirstFunctionDownToItsLastFunctionBack() {
        Incident incident = new Incident("i", "Fire", List.of(
                new ServiceOutage("messenger", "photos", T0.plusSeconds(600), T0.plusSeconds(7200), true),
                new ServiceOutage("messenger", "text", T0, T0.plusSeconds(3600), false),
                new ServiceOutage("music", null, T0.plusSeconds(60), T0.plusSeconds(90_000), false)));

        assertThat(incident.outageFor("messenger")).contains(new OutageWindow(T0, T0.plusSeconds(7200)));
        assertThat(incident.outageFor("music")).contains(new OutageWindow(T0.plusSeconds(60), T0.plusSeconds(90_000)));
        assertThat(incident.outageFor("mail")).isEmpty();
    }

    @Test
    void listsEachServiceOnceInOrder() {
        Incident incident = new Incident("i", "Fire", List.of(
                new ServiceOutage("taxi", null, T0, T0, false),
                new ServiceOutage("messenger", "photos", T0, T0, false),
                new ServiceOutage("messenger", "text", T0, T0, false)));

        assertThat(incident.services()).containsExactly("messenger", "taxi");
    }

    @Test
    void keepsItsOwnCopyOfTheOutages() {
        List<ServiceOutage> outages = new ArrayList<>(List.of(new ServiceOutage("taxi", null, T0, T0, false)));
        Incident incident = new Incident("i", "Fire", outages);
        outages.clear();

        assertThat(incident.outages()).hasSize(1);
    }

    @Test
    void aWindowKnowsItsDuration() {
        assertThat(new OutageWindow(T0, T0.plus(Duration.ofMinutes(90))).duration()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void timeDoesNotRunBackwards() {
        assertThatThrownBy(() -> new OutageWindow(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceOutage("taxi", null, T0, T0.minusSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceOutage(" ", null, T0, T0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

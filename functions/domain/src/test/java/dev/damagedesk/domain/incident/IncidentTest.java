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
    void aFunctionKeepsItsOwnWindow() {
        Incident incident = new Incident("i", "Fire", List.of(
                new ServiceOutage("messenger", "photos", T0.plusSeconds(600), T0.plusSeconds(7200), true),
                new ServiceOutage("messenger", "text", T0, T0.plusSeconds(3600), false),
                new ServiceOutage("music", null, T0.plusSeconds(60), T0.plusSeconds(90_000), false)));

        assertThat(incident.outageFor("messenger", "text")).contains(new OutageWindow(T0, T0.plusSeconds(3600)));
        assertThat(incident.outageFor("messenger", "photos"))
                .contains(new OutageWindow(T0.plusSeconds(600), T0.plusSeconds(7200)));
        assertThat(incident.outageFor("music", null)).contains(new OutageWindow(T0.plusSeconds(60), T0.plusSeconds(90_000)));
        assertThat(incident.outageFor("messenger", "voice calls")).isEmpty();
        assertThat(incident.outageFor("messenger", null)).isEmpty();
        assertThat(incident.outagesOf("messenger")).extracting(ServiceOutage::function).containsExactly("photos", "text");
    }

    @Test
    void isActiveUnlessToldOtherwise() {
        Incident incident = new Incident("i", "Fire", List.of(new ServiceOutage("taxi", null, T0, T0, false)));

        assertThat(incident.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(incident.withStatus(IncidentStatus.CLOSED).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.withStatus(IncidentStatus.CLOSED).outages()).isEqualTo(incident.outages());
        assertThat(IncidentStatus.fromName("DRAFT")).contains(IncidentStatus.DRAFT);
        assertThat(IncidentStatus.fromName("draft")).isEmpty();
    }

    @Test
    void aServiceWasNotifiedInAdvanceOnlyIfEveryPartOfItWas() {
        ServiceOutage text = new ServiceOutage("messenger", "text", T0, T0.plusSeconds(3600), false, T0.minusSeconds(60));
        ServiceOutage photos = new ServiceOutage("messenger", "photos", T0, T0.plusSeconds(7200), false);

        assertThat(new Incident("i", "Fire", List.of(text)).notifiedInAdvance("messenger")).isTrue();
        assertThat(new Incident("i", "Fire", List.of(text, photos)).notifiedInAdvance("messenger")).isFalse();
        assertThat(new Incident("i", "Fire", List.of(text, photos.withNotifiedAt(T0))).notifiedInAdvance("messenger"))
                .isTrue();
        assertThat(new Incident("i", "Fire", List.of(text, photos.withNotifiedAt(T0.plusSeconds(1))))
                .notifiedInAdvance("messenger")).isFalse();
        assertThat(new Incident("i", "Fire", List.of(text)).notifiedInAdvance("music")).isFalse();
    }

    @Test
    void aLedgerListsEachServiceOrFunctionOnce() {
        ServiceOutage taxi = new ServiceOutage("taxi", null, T0, T0.plusSeconds(60), false);
        ServiceOutage text = new ServiceOutage("messenger", "text", T0, T0.plusSeconds(60), false);

        assertThatThrownBy(() -> new Incident("i", "Fire", List.of(taxi, taxi))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taxi twice");
        assertThatThrownBy(() -> new Incident("i", "Fire", List.of(text, text))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messenger (text) twice");
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

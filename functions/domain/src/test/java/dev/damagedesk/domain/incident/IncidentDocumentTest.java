package dev.damagedesk.domain.incident;

import dev.damagedesk.domain.testing.MinimalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentDocumentTest {

    private static Incident bundled() {
        return IncidentDocument.fromMap(IncidentDocument.INCIDENT_2022_10_15_ID,
                MinimalJson.parseObjectResource(IncidentDocument.BUNDLED_2022_10_15_RESOURCE));
    }

    private static Instant kst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    @Test
    void readsTheBundledIncident() {
        Incident incident = bundled();

        assertThat(incident.id()).isEqualTo("2022-10-15");
        assertThat(incident.title()).startsWith("2022-10-15 data-centre fire");
        assertThat(incident.outages()).hasSize(11);
        assertThat(incident.services()).containsExactly(
                "mail", "messenger", "mobile-games", "music", "navigation", "payment", "pc-games",
                "portal-mail", "taxi", "webtoon");
    }

    @Test
    void readsEachEntryInFull() {
        Incident incident = bundled();

        assertThat(incident.outages().get(0)).isEqualTo(new ServiceOutage("messenger", "text messaging",
                kst("2022-10-15T15:30:00"), kst("2022-10-16T01:31:00"), false));
        assertThat(incident.outages().get(2)).isEqualTo(new ServiceOutage("payment", null,
                kst("2022-10-15T15:30:00"), kst("2022-10-16T15:00:00"), true));
    }

    @Test
    void theMessengerWindowSpansBothOfItsFunctions() {
        OutageWindow messenger = bundled().outageFor("messenger").orElseThrow();

        // Text came back at 01:31 the next night, photos and videos only at 22:00.
        assertThat(messenger).isEqualTo(new OutageWindow(kst("2022-10-15T15:30:00"), kst("2022-10-16T22:00:00")));
        assertThat(messenger.duration()).isEqualTo(Duration.ofHours(30).plusMinutes(30));
    }

    @Test
    void singleFunctionServicesKeepTheirOwnWindow() {
        Incident incident = bundled();

        assertThat(incident.outageFor("music").orElseThrow().duration()).isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        assertThat(incident.outageFor("mail").orElseThrow().end()).isEqualTo(kst("2022-10-18T09:00:00"));
        assertThat(incident.outageFor("search")).isEmpty();
    }

    static Stream<Arguments> malformedDocuments() {
        Map<String, Object> goodEntry = Map.of(
                "service", "music", "down", "2022-10-15T15:30:00+09:00", "restored", "2022-10-16T15:00:00+09:00");
        return Stream.of(
                Arguments.of(Map.of("services", List.of(goodEntry)), "incident"),
                Arguments.of(Map.of("incident", 7, "services", List.of(goodEntry)), "incident"),
                Arguments.of(Map.of("incident", "Fire"), "services"),
                Arguments.of(Map.of("incident", "Fire", "services", "music"), "services"),
                Arguments.of(Map.of("incident", "Fire", "services", List.of()), "services"),
                Arguments.of(Map.of("incident", "Fire", "services", List.of("music")), "services[0]"),
                Arguments.of(doc(without(goodEntry, "service")), "services[0].service"),
                Arguments.of(doc(withValue(goodEntry, "function", 3)), "services[0].function"),
                Arguments.of(doc(without(goodEntry, "down")), "services[0].down"),
                Arguments.of(doc(withValue(goodEntry, "restored", "2022-10-16 15:00")), "services[0].restored"),
                Arguments.of(doc(withValue(goodEntry, "approximate", "yes")), "services[0].approximate"),
                Arguments.of(doc(withValue(goodEntry, "restored", "2022-10-15T15:00:00+09:00")), "services[0]"),
                Arguments.of(doc(withValue(goodEntry, "notifiedAt", "the next morning")), "services[0].notifiedAt"),
                Arguments.of(doc(withValue(goodEntry, "notifiedAt", true)), "services[0].notifiedAt"),
                Arguments.of(doc(withValue(goodEntry, "function", " ")), "services[0]"),
                Arguments.of(Map.of("incident", "Fire", "status", "active", "services", List.of(goodEntry)), "status"),
                Arguments.of(Map.of("incident", "Fire", "status", 1, "services", List.of(goodEntry)), "status"),
                Arguments.of(Map.of("incident", "Fire", "services", List.of(goodEntry, goodEntry)), "services"));
    }

    @ParameterizedTest(name = "[{index}] mentions {1}")
    @MethodSource("malformedDocuments")
    void rejectsAMalformedDocumentSayingWhere(Map<String, Object> doc, String where) {
        assertThatThrownBy(() -> IncidentDocument.fromMap("test", doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("incident document test: " + where);
    }

    @Test
    void theOperatorsDocumentIsActiveAndNoticeless() {
        Incident incident = bundled();

        assertThat(incident.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(incident.outages()).allSatisfy(outage -> assertThat(outage.notifiedAt()).isNull());
    }

    @Test
    void readsTheStatusAndWhenUsersWereNotified() {
        Map<String, Object> entry = new HashMap<>(Map.of("service", "music", "down", "2022-10-15T15:30:00+09:00",
                "restored", "2022-10-16T15:00:00+09:00", "notifiedAt", "2022-10-15T16:05:00+09:00"));
        Map<String, Object> doc = Map.of("incident", "Fire", "status", "CLOSED", "services", List.of(entry));

        Incident incident = IncidentDocument.fromMap("test", doc);

        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.outages().get(0).notifiedAt()).isEqualTo(kst("2022-10-15T16:05:00"));
        assertThat(incident.outages().get(0).notified()).isTrue();
        assertThat(incident.outages().get(0).notifiedInAdvance()).isFalse();
    }

    @Test
    void aNullNoticeIsNoNotice() {
        Map<String, Object> entry = new HashMap<>(Map.of("service", "music", "down", "2022-10-15T15:30:00+09:00",
                "restored", "2022-10-16T15:00:00+09:00"));
        entry.put("notifiedAt", null);

        assertThat(IncidentDocument.fromMap("test", doc(entry)).outages().get(0).notified()).isFalse();
    }

    @Test
    void exportsTheFormatItImports() {
        Incident incident = new Incident("2024-07-01", "Storage failure", IncidentStatus.DRAFT, List.of(
                new ServiceOutage("messenger", "text messaging", kst("2024-07-01T09:00:00"), kst("2024-07-01T11:30:00"),
                        false, kst("2024-06-30T18:00:00")),
                new ServiceOutage("messenger", "photo and video sending", kst("2024-07-01T09:00:00"),
                        kst("2024-07-01T20:15:30"), true, null),
                new ServiceOutage("music", null, kst("2024-07-01T09:10:00"), kst("2024-07-02T01:00:00"), true,
                        kst("2024-07-01T09:40:00"))));

        Map<String, Object> exported = IncidentDocument.toMap(incident);

        assertThat(IncidentDocument.fromMap("2024-07-01", exported)).isEqualTo(incident);
        assertThat(IncidentDocument.toMap(IncidentDocument.fromMap("2024-07-01", exported))).isEqualTo(exported);
        assertThat(exported.keySet()).containsExactly("incident", "status", "services");
        assertThat(exported.get("status")).isEqualTo("DRAFT");
        assertThat((List<?>) exported.get("services")).first().isEqualTo(Map.of(
                "service", "messenger", "function", "text messaging", "down", "2024-07-01T00:00:00Z",
                "restored", "2024-07-01T02:30:00Z", "approximate", false, "notifiedAt", "2024-06-30T09:00:00Z"));
        assertThat(((Map<?, ?>) ((List<?>) exported.get("services")).get(2)).containsKey("function")).isFalse();
        assertThat(((Map<?, ?>) ((List<?>) exported.get("services")).get(1)).containsKey("notifiedAt")).isFalse();
    }

    @Test
    void theBundledIncidentSurvivesARoundTrip() {
        Incident incident = bundled();

        assertThat(IncidentDocument.fromMap(incident.id(), IncidentDocument.toMap(incident))).isEqualTo(incident);
    }

    @Test
    void exportsAtTheOffsetPeopleReadInAndImportsItBackTheSame() {
        Incident incident = bundled();

        Map<String, Object> exported = IncidentDocument.toMap(incident, java.time.ZoneOffset.ofHours(9));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) exported.get("services")).get(0);

        assertThat(first.get("down")).isEqualTo("2022-10-15T15:30:00+09:00");
        assertThat(first.get("restored")).isEqualTo("2022-10-16T01:31:00+09:00");
        assertThat(IncidentDocument.fromMap(incident.id(), exported)).isEqualTo(incident);
    }

    @Test
    void rejectsAMissingDocument() {
        assertThatThrownBy(() -> IncidentDocument.fromMap("test", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test");
    }

    @Test
    void anEntryWithoutApproximateIsExact() {
        Map<String, Object> entry = Map.of(
                "service", "music", "down", "2022-10-15T15:30:00+09:00", "restored", "2022-10-16T15:00:00+09:00");

        assertThat(IncidentDocument.fromMap("test", doc(entry)).outages().get(0).approximate()).isFalse();
    }

    private static Map<String, Object> doc(Map<String, Object> entry) {
        return Map.of("incident", "Fire", "services", List.of(entry));
    }

    private static Map<String, Object> without(Map<String, Object> entry, String key) {
        Map<String, Object> copy = new HashMap<>(entry);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> withValue(Map<String, Object> entry, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(entry);
        copy.put(key, value);
        return copy;
    }
}
